using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kiln.Data;

/// <summary>
/// Quantiles and medians computed as NumPy and pandas compute them, by selection so that they cost linear time
/// instead of a full sort. Every method reorders the span it is given, which must be non-empty and hold no NaN.
/// </summary>
public static class Quantiles
{
    /// <summary>
    /// The quantiles at ascending probabilities (0–1), interpolated linearly between neighbouring order statistics
    /// (NumPy's and pandas' default "linear" method).
    /// </summary>
    public static void Linear(Span<double> values, ReadOnlySpan<double> ascendingProbabilities, Span<double> results)
    {
        var start = 0;
        for (var i = 0; i < ascendingProbabilities.Length; i++)
        {
            var position = ascendingProbabilities[i] * (values.Length - 1);
            var below = Math.Min((int)position, values.Length - 1);
            // everything before start is already no larger than what is left, so select within the rest
            var lower = Select(values[start..], below - start);
            start = below;
            var fraction = position - below;
            results[i] = fraction == 0 ? lower : Interpolate(lower, TensorPrimitives.Min(values[(below + 1)..]), fraction);
        }
    }

    /// <summary>The median as NumPy and pandas give it: the middle value, or the mean of the two middle values.</summary>
    public static double Median(Span<double> values)
    {
        var half = values.Length / 2;
        var upper = Select(values, half);
        if (values.Length % 2 == 1) return upper;
        return (TensorPrimitives.Max(values[..half]) + upper) / 2;
    }

    /// <summary>NumPy's lerp: from the nearer end, so that a fraction of exactly 1 gives the upper value.</summary>
    static double Interpolate(double lower, double upper, double fraction)
    {
        var difference = upper - lower;
        return fraction >= 0.5 ? upper - difference * (1 - fraction) : lower + difference * fraction;
    }

    /// <summary>Moves the k-th smallest value to index k, no larger ones before it and no smaller ones after it.</summary>
    static double Select(Span<double> values, int k)
    {
        FloydRivest(ref MemoryMarshal.GetReference(values), 0, values.Length - 1, k);
        return values[k];
    }

    /// <summary>
    /// Floyd and Rivest's selection: a small sample first narrows the range around k, so the full
    /// partition touches each value about once (1.5n comparisons for a median, against ~3n for quickselect).
    /// Indexing goes through a ref, skipping bounds checks the JIT cannot remove from the scanning loops.
    /// </summary>
    static void FloydRivest(ref double first, int left, int right, int k)
    {
        while (right > left)
        {
            if (right - left > 600)
            {
                var n = right - left + 1;
                var rank = k - left + 1;
                var z = Math.Log(n);
                var sample = 0.5 * Math.Exp(2 * z / 3);
                var spread = 0.5 * Math.Sqrt(z * sample * (n - sample) / n) * Math.Sign(rank - n / 2.0);
                var sampleLeft = Math.Max(left, (int)(k - rank * sample / n + spread));
                var sampleRight = Math.Min(right, (int)(k + (n - rank) * sample / n + spread));
                FloydRivest(ref first, sampleLeft, sampleRight, k);
            }
            var pivot = Unsafe.Add(ref first, k);
            int i = left, j = right;
            Swap(ref first, left, k);
            if (Unsafe.Add(ref first, right) > pivot) Swap(ref first, right, left);
            while (i < j)
            {
                Swap(ref first, i, j);
                i++;
                j--;
                while (Unsafe.Add(ref first, i) < pivot) i++;
                while (Unsafe.Add(ref first, j) > pivot) j--;
            }
            if (Unsafe.Add(ref first, left) == pivot) Swap(ref first, left, j);
            else Swap(ref first, ++j, right);
            if (j <= k) left = j + 1;
            if (k <= j) right = j - 1;
        }
    }

    static void Swap(ref double first, int a, int b) =>
        (Unsafe.Add(ref first, a), Unsafe.Add(ref first, b)) = (Unsafe.Add(ref first, b), Unsafe.Add(ref first, a));
}
