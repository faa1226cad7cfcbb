using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// Minimises Σ wᵢ·log-loss + ½·l2‖W‖² over all coefficient rows and intercepts at once with L-BFGS (ten pairs,
/// backtracking Armijo line search), the loss and gradient computed in fixed row chunks in parallel. Two classes
/// use one row (the second class's log-odds).
/// </summary>
internal sealed class LogisticLbfgs
{
    const int History = 10;
    const int ChunkRows = 8192;

    readonly FeatureMatrix _x;
    readonly int[] _codes;
    readonly int _rows;
    readonly double[] _weights;
    readonly double _l2;
    readonly bool _fitIntercept;
    readonly double _weightTotal;

    public LogisticLbfgs(FeatureMatrix x, int[] codes, int classes, double[] weights, double l2, bool fitIntercept)
    {
        (_x, _codes, _weights, _l2, _fitIntercept) = (x, codes, weights, l2, fitIntercept);
        _rows = classes == 2 ? 1 : classes;
        _weightTotal = TensorPrimitives.Sum(weights);
        if (!(_weightTotal > 0)) throw new ArgumentException("the sample weights sum to zero; at least one row needs a positive weight", "context");
        Coefficients = new double[_rows * x.FeatureCount];
        Intercepts = new double[_rows];
    }

    public double[] Coefficients { get; }

    public double[] Intercepts { get; }

    public int Run(int maxIterations, double tol, FitContext context)
    {
        var size = Coefficients.Length + _rows;
        var theta = new double[size];
        var gradient = new double[size];
        var value = Evaluate(theta, gradient);
        var steps = new double[History][];
        var changes = new double[History][];
        var curvatures = new double[History];
        var alphas = new double[History];
        var (stored, newest) = (0, -1);
        var direction = new double[size];
        var trial = new double[size];
        var trialGradient = new double[size];
        var iteration = 0;
        while (iteration < maxIterations && Math.Abs(TensorPrimitives.MaxMagnitude(gradient)) / _weightTotal > tol)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            iteration++;
            // two-loop recursion: direction = −H·gradient from the stored pairs
            TensorPrimitives.Negate(gradient, direction);
            for (var back = 0; back < stored; back++)
            {
                var m = (newest - back + History) % History;
                alphas[m] = TensorPrimitives.Dot(steps[m], direction) / curvatures[m];
                TensorPrimitives.MultiplyAdd(changes[m], -alphas[m], direction, direction);
            }
            var initialStep = 1.0;
            if (stored > 0)
                TensorPrimitives.Multiply(direction, curvatures[newest] / TensorPrimitives.Dot(changes[newest], changes[newest]), direction);
            else initialStep = 1 / Math.Max(1, TensorPrimitives.Norm(gradient));
            for (var forward = stored - 1; forward >= 0; forward--)
            {
                var m = (newest - forward + History) % History;
                var beta = TensorPrimitives.Dot(changes[m], direction) / curvatures[m];
                TensorPrimitives.MultiplyAdd(steps[m], alphas[m] - beta, direction, direction);
            }
            var slope = TensorPrimitives.Dot(gradient, direction);
            if (!(slope < 0))
            {
                TensorPrimitives.Negate(gradient, direction);
                slope = TensorPrimitives.Dot(gradient, direction);
                stored = 0;
            }
            var step = initialStep;
            double trialValue;
            var halvings = 0;
            while (true)
            {
                TensorPrimitives.MultiplyAdd(direction, step, theta, trial);
                trialValue = Evaluate(trial, trialGradient);
                if (trialValue <= value + 1e-4 * step * slope || ++halvings > 50) break;
                step /= 2;
            }
            if (!(trialValue < value)) break; // no further decrease is representable
            newest = (newest + 1) % History;
            steps[newest] ??= new double[size];
            changes[newest] ??= new double[size];
            TensorPrimitives.Subtract(trial, theta, steps[newest]);
            TensorPrimitives.Subtract(trialGradient, gradient, changes[newest]);
            curvatures[newest] = TensorPrimitives.Dot(steps[newest], changes[newest]);
            if (curvatures[newest] > 1e-12 * TensorPrimitives.Dot(changes[newest], changes[newest])) stored = Math.Min(stored + 1, History);
            else newest = (newest - 1 + History) % History;
            var decrease = value - trialValue;
            (theta, trial) = (trial, theta);
            (gradient, trialGradient) = (trialGradient, gradient);
            value = trialValue;
            context.Progress?.Report(new FitProgress("l-bfgs", iteration, maxIterations));
            if (decrease <= 1e-15 * Math.Max(1, Math.Abs(value))) break;
        }
        theta.AsSpan(0, Coefficients.Length).CopyTo(Coefficients);
        theta.AsSpan(Coefficients.Length).CopyTo(Intercepts);
        return iteration;
    }

    /// <summary>The objective at <paramref name="theta"/> (coefficient rows, then intercepts), writing its gradient.</summary>
    double Evaluate(double[] theta, double[] gradient)
    {
        var (n, p, rows) = (_x.RowCount, _x.FeatureCount, _rows);
        var chunks = (n + ChunkRows - 1) / ChunkRows;
        var partialGradients = new double[chunks][];
        var partialLosses = new double[chunks];
        var values = _x.Memory;
        Parallel.For(0, chunks, chunk =>
        {
            var local = new double[gradient.Length];
            var scores = new double[rows];
            var probabilities = new double[rows];
            double loss = 0;
            var end = Math.Min(n, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                var w = _weights[i];
                if (w == 0) continue;
                var features = values.Span.Slice(i * p, p);
                for (var k = 0; k < rows; k++) scores[k] = TensorPrimitives.Dot(features, theta.AsSpan(k * p, p)) + theta[rows * p + k];
                if (rows == 1)
                {
                    var z = scores[0];
                    var positive = _codes[i] == 1;
                    loss += w * ((z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z))) - (positive ? z : 0));
                    var probability = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
                    probabilities[0] = w * (probability - (positive ? 1 : 0));
                }
                else
                {
                    var largest = TensorPrimitives.Max(scores);
                    TensorPrimitives.SoftMax(scores, probabilities);
                    double sum = 0;
                    foreach (var s in scores) sum += Math.Exp(s - largest);
                    loss += w * (largest + Math.Log(sum) - scores[_codes[i]]);
                    probabilities[_codes[i]] -= 1;
                    TensorPrimitives.Multiply(probabilities, w, probabilities);
                }
                for (var k = 0; k < rows; k++)
                {
                    var residual = probabilities[k];
                    var row = local.AsSpan(k * p, p);
                    TensorPrimitives.MultiplyAdd(features, residual, row, row);
                    local[rows * p + k] += residual;
                }
            }
            partialGradients[chunk] = local;
            partialLosses[chunk] = loss;
        });
        Array.Clear(gradient);
        double total = 0;
        for (var c = 0; c < chunks; c++)
        {
            TensorPrimitives.Add(gradient, partialGradients[c], gradient);
            total += partialLosses[c];
        }
        var coefficients = theta.AsSpan(0, rows * p);
        TensorPrimitives.MultiplyAdd(coefficients, _l2, gradient.AsSpan(0, rows * p), gradient.AsSpan(0, rows * p));
        if (!_fitIntercept) gradient.AsSpan(rows * p).Clear();
        return total + 0.5 * _l2 * TensorPrimitives.Dot(coefficients, coefficients);
    }
}
