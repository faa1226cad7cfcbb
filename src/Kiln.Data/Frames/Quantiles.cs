using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kiln.Data;

/// <summary>Order statistics by selection, so quartiles cost linear time instead of a full sort.</summary>
internal static class Quantiles
{
    /// <summary>
    /// The quantiles at ascending probabilities with linear interpolation (pandas' default);
    /// reorders <paramref name="values"/>, which must be non-empty and hold no NaN.
    /// </summary>
    public static void Linear(Span<double> values, ReadOnlySpan<double> ascendingProbabilities, Span<double> results)
    {
        var start = 0;
        for (var i = 0; i < ascendingProbabilities.Length; i++)
        {
            var position = ascendingProbabilities[i] * (values.Length - 1);
            var below = (int)position;
            // everything before start is already no larger than what is left, so select within the rest
            var lower = Select(values[start..], below - start);
            start = below;
            var fraction = position - below;
            results[i] = fraction == 0 ? lower : lower + (TensorPrimitives.Min(values[(below + 1)..]) - lower) * fraction;
        }
    }

    /// <summary>The median with linear interpolation; reorders the values, which must be non-empty and hold no NaN.</summary>
    public static double Median(Span<double> values)
    {
        Span<double> result = stackalloc double[1];
        Linear(values, [0.5], result);
        return result[0];
    }

    /// <summary>Moves the k-th smallest value to index k, smaller ones before it and larger ones after it.</summary>
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
