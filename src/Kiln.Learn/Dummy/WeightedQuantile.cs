using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Dummy;

/// <summary>
/// The mean and quantiles of a target under sample weights. Without weights they are NumPy's mean and linear
/// percentile; with weights the quantile interpolates between weighted order statistics, each placed at the middle of its
/// weight, so that equal weights give the unweighted answer and a zero weight is the same as leaving the row out.
/// </summary>
internal static class WeightedQuantile
{
    public static double Mean(double[] values, double[]? weights) =>
        weights is null ? TensorPrimitives.Sum<double>(values) / values.Length
            : TensorPrimitives.Dot<double>(values, weights) / TensorPrimitives.Sum<double>(weights);

    /// <summary>The <paramref name="probability"/> (0 … 1) quantile; reorders <paramref name="values"/>.</summary>
    public static double Of(double[] values, double[]? weights, double probability)
    {
        if (weights is null)
        {
            if (probability == 0.5) return Quantiles.Median(values);
            Span<double> result = stackalloc double[1];
            Quantiles.Linear(values, [probability], result);
            return result[0];
        }
        var kept = 0;
        var (sorted, sortedWeights) = (new double[values.Length], new double[values.Length]);
        for (var i = 0; i < values.Length; i++)
        {
            if (weights[i] == 0) continue;
            (sorted[kept], sortedWeights[kept]) = (values[i], weights[i]);
            kept++;
        }
        var v = sorted.AsSpan(0, kept);
        var w = sortedWeights.AsSpan(0, kept);
        v.Sort(w);
        // row n sits at the middle of its weight, shifted and scaled so the first row is at 0 and the last at 1:
        // (weight before it + half its own − half the first's) / (total − half the first's − half the last's), n/(N−1) when weights are equal
        var span = TensorPrimitives.Sum<double>(w) - (w[0] + w[^1]) / 2;
        if (kept == 1 || span <= 0) return v[^1];
        var before = 0.0;
        for (var n = 0; n + 1 < kept; n++)
        {
            var here = (before + (w[n] - w[0]) / 2) / span;
            before += w[n];
            var next = n + 2 == kept ? 1 : (before + (w[n + 1] - w[0]) / 2) / span;
            if (probability < next)
            {
                var fraction = (probability - here) / (next - here);
                return fraction >= 0.5 ? v[n + 1] - (v[n + 1] - v[n]) * (1 - fraction) : v[n] + (v[n + 1] - v[n]) * fraction;
            }
        }
        return v[^1];
    }
}
