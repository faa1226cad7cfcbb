using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>The losses scikit-learn's plain SGD knows, with their derivative in the prediction.</summary>
enum SgdLoss { Hinge, LogLoss, ModifiedHuber, SquaredError, Huber, EpsilonInsensitive }

/// <summary>The settings shared by <see cref="SgdClassifier"/> and <see cref="SgdRegressor"/>.</summary>
readonly record struct SgdSettings(SgdLoss Loss, double Epsilon, SgdPenalty Penalty, double Alpha, double L1Ratio, bool FitIntercept,
    int MaxIter, double Tol, int NIterNoChange, SgdLearningRate LearningRate, double Eta0, double PowerT, bool Shuffle, bool Average);

/// <summary>
/// scikit-learn's plain SGD (sklearn/linear_model/_sgd_fast.pyx) on one dense problem: per-row updates with the L2
/// shrinkage, the cumulative L1 penalty of Tsuruoka et al., optional averaging (ASGD), and stopping once the summed
/// training loss has not fallen by tol·n for n-iter-no-change epochs.
/// </summary>
static class StochasticGradientDescent
{
    /// <summary>scikit-learn clips the loss derivative here so one wild row cannot blow the weights up.</summary>
    const double MaxDerivative = 1e12;

    /// <summary>Below this the scale of the weights is folded into them, before it underflows.</summary>
    const double SmallestScale = 1e-9;

    const int PrefetchDistance = 8;

    /// <summary>
    /// Fits w (one weight per feature) and the intercept to targets y (±1 for classification); each row's step and loss
    /// are scaled by its weight in <paramref name="sampleWeights"/> (null weighs rows equally). Returns the epochs taken.
    /// </summary>
    public static int Fit(FeatureMatrix matrix, ReadOnlySpan<double> y, double[]? sampleWeights, in SgdSettings s,
        RandomArrays random, Span<double> w, out double intercept, CancellationToken cancellation)
    {
        var x = matrix.Values;
        var (n, p) = (matrix.RowCount, matrix.FeatureCount);
        // the weights are held as scale · w, so the L2 shrinkage of every step is one multiplication, not one per feature
        w.Clear();
        var scale = 1.0;
        intercept = 0;
        var averaged = s.Average ? new double[p] : null;
        var averagedIntercept = 0.0;
        var l1Ratio = s.Penalty switch { SgdPenalty.L1 => 1.0, SgdPenalty.ElasticNet => s.L1Ratio, _ => 0.0 };
        var l2Share = s.Penalty is SgdPenalty.L2 or SgdPenalty.ElasticNet ? 1 - l1Ratio : 0.0;
        var cumulativeL1 = 0.0;
        var applied = l1Ratio > 0 ? new double[p] : null;
        // the stopping rule compares the weighted loss with tol per unit of weight, so a row of weight k counts as k copies
        var weightTotal = sampleWeights is null ? n : TensorPrimitives.Sum<double>(sampleWeights);
        var order = new int[n];
        var steps = new double[n];
        for (var i = 0; i < n; i++) order[i] = i;
        // Bottou's heuristic start for the optimal schedule, as scikit-learn computes it
        var typicalWeight = Math.Sqrt(1 / Math.Sqrt(s.Alpha));
        var optimalStart = s.LearningRate == SgdLearningRate.Optimal
            ? 1 / (typicalWeight / Math.Max(1, Derivative(s.Loss, s.Epsilon, -typicalWeight, 1)) * s.Alpha) : 0;
        var (bestLoss, noImprovement, t, epoch) = (double.PositiveInfinity, 0, 1L, 0);
        while (epoch < s.MaxIter)
        {
            cancellation.ThrowIfCancellationRequested();
            if (s.Shuffle) random.Shuffle<int>(order);
            StepSizes(s, optimalStart, t, steps);
            var (sumLoss, taken) = (0.0, 0);
            for (var k = 0; k < order.Length; k++)
            {
                var i = order[k];
                // the rows come in random order, so each would be a cache miss; asking for one a few rows ahead hides the wait
                if (k + PrefetchDistance < order.Length) matrix.Prefetch(order[k + PrefetchDistance]);
                var row = x.Slice(i * p, p);
                var rowWeight = sampleWeights?[i] ?? 1;
                // a row of weight zero takes no step at all, so it is as if it were not there
                if (rowWeight == 0) continue;
                var target = y[i];
                var prediction = scale * DenseKernels.Dot(w, row) + intercept;
                var eta = steps[taken];
                sumLoss += rowWeight * Loss(s.Loss, s.Epsilon, prediction, target);
                var update = -eta * rowWeight * Math.Clamp(Derivative(s.Loss, s.Epsilon, prediction, target), -MaxDerivative, MaxDerivative);
                if (l2Share > 0)
                {
                    scale *= Math.Max(0, 1 - l2Share * eta * s.Alpha);
                    if (scale < SmallestScale)
                    {
                        TensorPrimitives.Multiply(w, scale, w);
                        scale = 1;
                    }
                }
                if (update != 0)
                {
                    DenseKernels.MultiplyAdd(row, update / scale, w);
                    if (s.FitIntercept) intercept += update;
                }
                if (applied is not null)
                {
                    cumulativeL1 += l1Ratio * eta * s.Alpha;
                    ApplyL1(w, scale, applied, cumulativeL1);
                }
                if (averaged is not null)
                {
                    // running mean of every iterate so far: ASGD's averaged weights
                    var share = 1.0 / t;
                    for (var j = 0; j < p; j++) averaged[j] += (scale * w[j] - averaged[j]) * share;
                    averagedIntercept += (intercept - averagedIntercept) * share;
                }
                t++;
                taken++;
            }
            epoch++;
            if (s.Tol > 0)
            {
                noImprovement = sumLoss > bestLoss - s.Tol * weightTotal ? noImprovement + 1 : 0;
                bestLoss = Math.Min(bestLoss, sumLoss);
                if (noImprovement >= s.NIterNoChange) break;
            }
        }
        if (averaged is not null)
        {
            averaged.CopyTo(w);
            intercept = averagedIntercept;
        }
        else TensorPrimitives.Multiply(w, scale, w);
        return epoch;
    }

    /// <summary>The step size of each update of an epoch whose first update is number <paramref name="first"/>, computed in one vectorised pass.</summary>
    static void StepSizes(in SgdSettings s, double optimalStart, long first, Span<double> steps)
    {
        if (s.LearningRate == SgdLearningRate.Constant)
        {
            steps.Fill(s.Eta0);
            return;
        }
        for (var k = 0; k < steps.Length; k++) steps[k] = first + k;
        if (s.LearningRate == SgdLearningRate.Optimal)
        {
            // 1 / (α·(t₀ + t − 1))
            TensorPrimitives.Add(steps, optimalStart - 1, steps);
            TensorPrimitives.Multiply(steps, s.Alpha, steps);
            TensorPrimitives.Reciprocal(steps, steps);
            return;
        }
        // eta0 / t^power-t
        TensorPrimitives.Pow(steps, s.PowerT, steps);
        TensorPrimitives.Divide(s.Eta0, steps, steps);
    }

    /// <summary>Clips each weight (scale · w) towards zero by the L1 it has not yet received, never across zero.</summary>
    static void ApplyL1(Span<double> w, double scale, Span<double> applied, double cumulative)
    {
        for (var j = 0; j < w.Length; j++)
        {
            var before = w[j];
            if (scale * before > 0) w[j] = Math.Max(0, before - (cumulative + applied[j]) / scale);
            else if (scale * before < 0) w[j] = Math.Min(0, before + (cumulative - applied[j]) / scale);
            applied[j] += scale * (w[j] - before);
        }
    }

    static double Loss(SgdLoss loss, double epsilon, double p, double y)
    {
        switch (loss)
        {
            case SgdLoss.Hinge: return Math.Max(0, 1 - p * y);
            case SgdLoss.LogLoss:
                var z = p * y;
                // the tails avoid overflow in exp, as scikit-learn's Log does
                return z > 18 ? Math.Exp(-z) : z < -18 ? -z : Math.Log(1 + Math.Exp(-z));
            case SgdLoss.ModifiedHuber:
                var m = p * y;
                return m >= 1 ? 0 : m >= -1 ? (1 - m) * (1 - m) : -4 * m;
            case SgdLoss.SquaredError: return 0.5 * (p - y) * (p - y);
            case SgdLoss.Huber:
                var r = Math.Abs(p - y);
                return r <= epsilon ? 0.5 * r * r : epsilon * r - 0.5 * epsilon * epsilon;
            default: return Math.Max(0, Math.Abs(y - p) - epsilon);
        }
    }

    static double Derivative(SgdLoss loss, double epsilon, double p, double y)
    {
        switch (loss)
        {
            case SgdLoss.Hinge: return p * y <= 1 ? -y : 0;
            case SgdLoss.LogLoss:
                var z = p * y;
                return z > 18 ? Math.Exp(-z) * -y : z < -18 ? -y : -y / (Math.Exp(z) + 1);
            case SgdLoss.ModifiedHuber:
                var m = p * y;
                return m >= 1 ? 0 : m >= -1 ? -2 * (1 - m) * y : -4 * y;
            case SgdLoss.SquaredError: return p - y;
            case SgdLoss.Huber:
                var r = p - y;
                return Math.Abs(r) <= epsilon ? r : r > 0 ? epsilon : -epsilon;
            default: return y - p > epsilon ? -1 : p - y > epsilon ? 1 : 0;
        }
    }
}
