using System.Numerics.Tensors;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Medians and percentiles by selection (linear time) rather than a full sort, interpolating as numpy's
/// default "linear" method does. Every method reorders the span it is given, which must hold no NaN.
/// </summary>
internal static class OrderStatistics
{
    /// <summary>The median as numpy computes it: the middle value, or the mean of the two middle values.</summary>
    public static double Median(Span<double> values)
    {
        var half = values.Length / 2;
        var upper = Select(values, half);
        if (values.Length % 2 == 1) return upper;
        var lower = TensorPrimitives.Max(values[..half]);
        return (lower + upper) / 2;
    }

    /// <summary>Percentiles (0–100) in ascending order, interpolated linearly between neighbouring order statistics.</summary>
    public static void Percentiles(Span<double> values, ReadOnlySpan<double> ascendingPercents, Span<double> results)
    {
        var start = 0;
        for (var p = 0; p < ascendingPercents.Length; p++)
        {
            var position = ascendingPercents[p] / 100 * (values.Length - 1);
            var below = Math.Min((int)position, values.Length - 1);
            // values before start are already no larger than the rest, so the next selection only looks past them
            var lower = Select(values[start..], below - start);
            start = below;
            var fraction = position - below;
            if (fraction == 0) { results[p] = lower; continue; }
            var upper = TensorPrimitives.Min(values[(below + 1)..]);
            results[p] = Interpolate(lower, upper, fraction);
        }
    }

    /// <summary>numpy's lerp: from the nearer end, so that a fraction of exactly 1 gives the upper value.</summary>
    static double Interpolate(double lower, double upper, double fraction)
    {
        var difference = upper - lower;
        return fraction >= 0.5 ? upper - difference * (1 - fraction) : lower + difference * fraction;
    }

    /// <summary>
    /// Quickselect: moves the k-th smallest value to index k with no larger value before it and no smaller one
    /// after it. Median-of-three pivots keep it linear on sorted input; a run of bad pivots falls back to sorting.
    /// </summary>
    public static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1, rounds = 0;
        while (right > left)
        {
            if (++rounds > 64)
            {
                values[left..(right + 1)].Sort();
                break;
            }
            var middle = left + (right - left) / 2;
            if (values[middle] < values[left]) Swap(values, middle, left);
            if (values[right] < values[left]) Swap(values, right, left);
            if (values[right] < values[middle]) Swap(values, right, middle);
            var pivot = values[middle];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) Swap(values, i++, j--);
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }
        return values[k];
    }

    static void Swap(Span<double> values, int a, int b) => (values[a], values[b]) = (values[b], values[a]);
}
