using System.Numerics.Tensors;

namespace Kiln.Learn.Linear;

/// <summary>
/// Elastic-net coordinate descent on the centred normal equations (scikit-learn's <c>enet_coordinate_descent_gram</c>):
/// minimises ½‖y − Xw‖² + l1‖w‖₁ + ½·l2‖w‖², stopping when the duality gap falls under tol·‖y‖².
/// Each coordinate step costs O(features), not O(rows), so large tall problems converge quickly.
/// </summary>
internal static class GramCoordinateDescent
{
    /// <summary>Runs from <paramref name="coefficients"/> (a warm start) and improves them in place; returns the sweeps used and the final gap.</summary>
    public static (int Sweeps, double Gap) Minimise(CenteredGram problem, double l1, double l2, int maxSweeps, double tol,
        double[] coefficients, CancellationToken cancellation)
    {
        var p = problem.FeatureCount;
        var (gram, moments) = (problem.Gram, problem.Moments);
        var gramTimesW = new double[p];
        for (var j = 0; j < p; j++) gramTimesW[j] = TensorPrimitives.Dot(gram.AsSpan(j * p, p), coefficients);
        var gapTolerance = tol * problem.TargetSquares;
        var gap = double.PositiveInfinity;
        for (var sweep = 1; sweep <= maxSweeps; sweep++)
        {
            cancellation.ThrowIfCancellationRequested();
            double largestStep = 0, largestWeight = 0;
            for (var j = 0; j < p; j++)
            {
                var curvature = gram[j * p + j];
                if (curvature == 0) continue;
                var old = coefficients[j];
                var correlation = moments[j] - gramTimesW[j] + curvature * old;
                var updated = Math.Sign(correlation) * Math.Max(Math.Abs(correlation) - l1, 0) / (curvature + l2);
                if (updated != old)
                {
                    coefficients[j] = updated;
                    TensorPrimitives.MultiplyAdd(gram.AsSpan(j * p, p), updated - old, gramTimesW, gramTimesW);
                }
                largestStep = Math.Max(largestStep, Math.Abs(updated - old));
                largestWeight = Math.Max(largestWeight, Math.Abs(updated));
            }
            // the gap costs O(p²), so it is only checked once the steps have become small, as scikit-learn does
            if (largestWeight == 0 || largestStep / largestWeight < tol || sweep == maxSweeps)
            {
                gap = DualityGap(problem, l1, l2, coefficients, gramTimesW);
                if (gap < gapTolerance) return (sweep, gap);
            }
        }
        return (maxSweeps, gap);
    }

    static double DualityGap(CenteredGram problem, double l1, double l2, double[] w, double[] gramTimesW)
    {
        var moments = problem.Moments;
        var momentsDotW = TensorPrimitives.Dot(moments, w);
        double dualNorm = 0;
        for (var j = 0; j < w.Length; j++)
            dualNorm = Math.Max(dualNorm, Math.Abs(moments[j] - gramTimesW[j] - l2 * w[j]));
        var residualSquares = problem.TargetSquares + TensorPrimitives.Dot(w, gramTimesW) - 2 * momentsDotW;
        var weightSquares = TensorPrimitives.Dot(w, w);
        double scale, gap;
        if (dualNorm > l1)
        {
            scale = l1 / dualNorm;
            gap = 0.5 * (residualSquares + residualSquares * scale * scale);
        }
        else
        {
            scale = 1;
            gap = residualSquares;
        }
        return gap + l1 * TensorPrimitives.SumOfMagnitudes(w) - scale * problem.TargetSquares + scale * momentsDotW
            + 0.5 * l2 * (1 + scale * scale) * weightSquares;
    }
}
