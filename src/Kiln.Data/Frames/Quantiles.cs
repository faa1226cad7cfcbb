using System.Numerics.Tensors;

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

    /// <summary>Moves the k-th smallest value to index k, smaller ones before it and larger ones after it (Hoare's selection).</summary>
    static double Select(Span<double> values, int k)
    {
        int low = 0, high = values.Length - 1;
        while (high - low > 16)
        {
            var middle = low + (high - low) / 2;
            if (values[middle] < values[low]) (values[middle], values[low]) = (values[low], values[middle]);
            if (values[high] < values[low]) (values[high], values[low]) = (values[low], values[high]);
            if (values[high] < values[middle]) (values[high], values[middle]) = (values[middle], values[high]);
            var pivot = values[middle];
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) high = j;
            else if (k >= i) low = i;
            else return values[k];
        }
        values[low..(high + 1)].Sort();
        return values[k];
    }
}
