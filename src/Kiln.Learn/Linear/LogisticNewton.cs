using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// Minimises Σ wᵢ·log-loss + l1‖W‖₁ + ½·l2‖W‖² one coefficient row at a time: each step is a proximal Newton step
/// for that row (iteratively reweighted least squares with the penalty), solved by Gram coordinate descent, then
/// shortened until the objective falls. Two classes use one row (the second class's log-odds).
/// </summary>
internal sealed class LogisticNewton
{
    // floors p(1 − p) so that confidently classified rows give a finite working response
    const double MinimumCurvature = 1e-10;
    const int Halvings = 30;

    readonly FeatureMatrix _x;
    readonly int[] _codes;
    readonly int _classes;
    readonly int _rows;
    readonly double[] _weights;
    readonly double _l1, _l2;
    readonly bool _fitIntercept;
    readonly double[] _scores; // rows × coefficient rows: xᵢ · w_k + b_k

    public LogisticNewton(FeatureMatrix x, int[] codes, int classes, double[] weights, double l1, double l2, bool fitIntercept)
    {
        (_x, _codes, _classes, _weights, _l1, _l2, _fitIntercept) = (x, codes, classes, weights, l1, l2, fitIntercept);
        _rows = classes == 2 ? 1 : classes;
        Coefficients = new double[_rows * x.FeatureCount];
        Intercepts = new double[_rows];
        _scores = new double[x.RowCount * _rows];
    }

    /// <summary>Coefficient rows × features, row-major.</summary>
    public double[] Coefficients { get; }

    public double[] Intercepts { get; }

    public int Run(int maxIterations, double tol, FitContext context)
    {
        var p = _x.FeatureCount;
        var objective = Objective();
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            double largestChange = 0, largestValue = 0;
            for (var k = 0; k < _rows; k++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var row = Coefficients.AsSpan(k * p, p);
                var (step, stepIntercept) = NewtonTarget(k);
                var (oldRow, oldIntercept) = (row.ToArray(), Intercepts[k]);
                var oldScores = ScoresOf(k);
                var accepted = false;
                for (var t = 1.0; t > Math.Pow(0.5, Halvings); t /= 2)
                {
                    for (var j = 0; j < p; j++) row[j] = oldRow[j] + t * (step[j] - oldRow[j]);
                    Intercepts[k] = oldIntercept + t * (stepIntercept - oldIntercept);
                    UpdateScores(k);
                    var trial = Objective();
                    if (trial <= objective)
                    {
                        objective = trial;
                        accepted = true;
                        break;
                    }
                }
                if (!accepted)
                {
                    oldRow.CopyTo(row);
                    Intercepts[k] = oldIntercept;
                    SetScores(k, oldScores);
                    continue;
                }
                for (var j = 0; j < p; j++)
                {
                    largestChange = Math.Max(largestChange, Math.Abs(row[j] - oldRow[j]));
                    largestValue = Math.Max(largestValue, Math.Abs(row[j]));
                }
                largestChange = Math.Max(largestChange, Math.Abs(Intercepts[k] - oldIntercept));
                largestValue = Math.Max(largestValue, Math.Abs(Intercepts[k]));
            }
            context.Progress?.Report(new FitProgress("newton", iteration, maxIterations));
            if (largestChange <= tol * Math.Max(1, largestValue))
            {
                CentreIntercepts();
                return iteration;
            }
        }
        CentreIntercepts();
        return maxIterations;
    }

    /// <summary>The minimiser of row k's quadratic model: weighted least squares on the working response.</summary>
    (double[] Row, double Intercept) NewtonTarget(int k)
    {
        var n = _x.RowCount;
        var curvature = new double[n];
        var response = new double[n];
        var probabilities = new double[_classes];
        for (var i = 0; i < n; i++)
        {
            var probability = Probability(i, k, probabilities);
            var variance = Math.Max(probability * (1 - probability), MinimumCurvature);
            var observed = _codes[i] == (_rows == 1 ? 1 : k) ? 1.0 : 0.0;
            curvature[i] = _weights[i] * variance;
            response[i] = _scores[i * _rows + k] + (observed - probability) / variance;
        }
        var problem = CenteredGram.Of(_x, response, curvature, _fitIntercept);
        // warm-started from the current row, so later passes need few sweeps
        var row = Coefficients.AsSpan(k * _x.FeatureCount, _x.FeatureCount).ToArray();
        GramCoordinateDescent.Minimise(problem, _l1, _l2, 10_000, 1e-12, row, CancellationToken.None);
        var intercept = _fitIntercept ? problem.InterceptFor(row) : 0;
        return (row, intercept);
    }

    /// <summary>The model's probability of row i being in coefficient row k's class.</summary>
    double Probability(int i, int k, double[] buffer)
    {
        var scores = _scores.AsSpan(i * _rows, _rows);
        if (_rows == 1) return Sigmoid(scores[0]);
        TensorPrimitives.SoftMax(scores, buffer);
        return buffer[k];
    }

    double Objective()
    {
        double loss = 0;
        var n = _x.RowCount;
        for (var i = 0; i < n; i++)
        {
            if (_weights[i] == 0) continue;
            var scores = _scores.AsSpan(i * _rows, _rows);
            double rowLoss;
            if (_rows == 1)
                rowLoss = Softplus(scores[0]) - (_codes[i] == 1 ? scores[0] : 0);
            else
            {
                var largest = TensorPrimitives.Max(scores);
                double sum = 0;
                foreach (var s in scores) sum += Math.Exp(s - largest);
                rowLoss = largest + Math.Log(sum) - scores[_codes[i]];
            }
            loss += _weights[i] * rowLoss;
        }
        return loss + _l1 * TensorPrimitives.SumOfMagnitudes(Coefficients) + 0.5 * _l2 * TensorPrimitives.Dot(Coefficients, Coefficients);
    }

    void UpdateScores(int k)
    {
        var p = _x.FeatureCount;
        var row = Coefficients.AsMemory(k * p, p);
        var intercept = Intercepts[k];
        var values = _x.Memory;
        var n = _x.RowCount;
        Parallel.For(0, (n + 4095) / 4096, block =>
        {
            var end = Math.Min(n, (block + 1) * 4096);
            for (var i = block * 4096; i < end; i++)
                _scores[i * _rows + k] = TensorPrimitives.Dot(values.Span.Slice(i * p, p), row.Span) + intercept;
        });
    }

    double[] ScoresOf(int k)
    {
        var scores = new double[_x.RowCount];
        for (var i = 0; i < scores.Length; i++) scores[i] = _scores[i * _rows + k];
        return scores;
    }

    void SetScores(int k, double[] scores)
    {
        for (var i = 0; i < scores.Length; i++) _scores[i * _rows + k] = scores[i];
    }

    /// <summary>Softmax is unchanged by a shift common to all intercepts; zero-sum intercepts are scikit-learn's choice.</summary>
    void CentreIntercepts()
    {
        if (_rows == 1 || !_fitIntercept) return;
        var mean = TensorPrimitives.Sum(Intercepts) / _rows;
        TensorPrimitives.Subtract(Intercepts, mean, Intercepts);
    }

    static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    static double Softplus(double z) => z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z));
}
