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
    /// <summary>Fits w (p weights) and the intercept to targets y (±1 for classification); returns the epochs taken.</summary>
    public static int Fit(ReadOnlySpan<double> x, int n, int p, ReadOnlySpan<double> y, in SgdSettings s, RandomArrays random,
        Span<double> w, out double intercept, CancellationToken cancellation)
    {
        w.Clear();
        intercept = 0;
        var averaged = s.Average ? new double[p] : null;
        var averagedIntercept = 0.0;
        var l1Ratio = s.Penalty switch { SgdPenalty.L1 => 1.0, SgdPenalty.ElasticNet => s.L1Ratio, _ => 0.0 };
        var l2Share = s.Penalty is SgdPenalty.L2 or SgdPenalty.ElasticNet ? 1 - l1Ratio : 0.0;
        var cumulativeL1 = 0.0;
        var applied = l1Ratio > 0 ? new double[p] : null;
        var order = new int[n];
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
            var sumLoss = 0.0;
            foreach (var i in order)
            {
                var row = x.Slice(i * p, p);
                var prediction = TensorPrimitives.Dot(w, row) + intercept;
                var eta = s.LearningRate switch
                {
                    SgdLearningRate.Optimal => 1 / (s.Alpha * (optimalStart + t - 1)),
                    SgdLearningRate.InvScaling => s.Eta0 / Math.Pow(t, s.PowerT),
                    _ => s.Eta0,
                };
                sumLoss += Loss(s.Loss, s.Epsilon, prediction, y[i]);
                var update = -eta * Derivative(s.Loss, s.Epsilon, prediction, y[i]);
                if (l2Share > 0) TensorPrimitives.Multiply(w, Math.Max(0, 1 - l2Share * eta * s.Alpha), w);
                if (update != 0)
                {
                    TensorPrimitives.MultiplyAdd(row, update, w, w);
                    if (s.FitIntercept) intercept += update;
                }
                if (applied is not null)
                {
                    cumulativeL1 += l1Ratio * eta * s.Alpha;
                    ApplyL1(w, applied, cumulativeL1);
                }
                if (averaged is not null)
                {
                    // running mean of every iterate so far: ASGD's averaged weights
                    var share = 1.0 / t;
                    for (var j = 0; j < p; j++) averaged[j] += (w[j] - averaged[j]) * share;
                    averagedIntercept += (intercept - averagedIntercept) * share;
                }
                t++;
            }
            epoch++;
            if (s.Tol > 0)
            {
                noImprovement = sumLoss > bestLoss - s.Tol * n ? noImprovement + 1 : 0;
                bestLoss = Math.Min(bestLoss, sumLoss);
                if (noImprovement >= s.NIterNoChange) break;
            }
        }
        if (averaged is not null)
        {
            averaged.CopyTo(w);
            intercept = averagedIntercept;
        }
        return epoch;
    }

    /// <summary>Clips each weight towards zero by the L1 it has not yet received, never across zero.</summary>
    static void ApplyL1(Span<double> w, Span<double> applied, double cumulative)
    {
        for (var j = 0; j < w.Length; j++)
        {
            var before = w[j];
            if (before > 0) w[j] = Math.Max(0, before - (cumulative + applied[j]));
            else if (before < 0) w[j] = Math.Min(0, before + (cumulative - applied[j]));
            applied[j] += w[j] - before;
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
