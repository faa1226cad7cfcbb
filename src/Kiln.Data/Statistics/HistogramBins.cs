namespace Kiln.Data;

/// <summary>
/// Bin edges and counts computed the way numpy.histogram does: bin i holds edges[i] ≤ x &lt; edges[i+1],
/// the last bin also holds its right edge, and values outside the edges are not counted.
/// Missing values (NaN and infinities) are skipped and counted in <see cref="MissingCount"/>.
/// </summary>
public sealed class HistogramBins
{
    HistogramBins(double[] edges, int[] counts, int missingCount)
    {
        Edges = edges;
        Counts = counts;
        MissingCount = missingCount;
    }

    /// <summary>BinCount + 1 increasing edges.</summary>
    public IReadOnlyList<double> Edges { get; }

    public IReadOnlyList<int> Counts { get; }

    public int MissingCount { get; }

    public int BinCount => Counts.Count;

    /// <summary>Equal-width bins spanning the smallest to the largest finite value.</summary>
    public static HistogramBins Compute(ReadOnlySpan<double> values, int binCount = 10)
    {
        if (binCount < 1)
            throw new ArgumentOutOfRangeException(nameof(binCount), binCount, "a histogram needs at least one bin");
        var (first, last) = FiniteRange.Of(values) ?? (0, 1);
        if (first == last)
            (first, last) = (first - 0.5, last + 0.5);

        // numpy.linspace: start + i * step, with the last edge set exactly to stop.
        var edges = new double[binCount + 1];
        var step = (last - first) / binCount;
        for (var i = 0; i < binCount; i++)
            edges[i] = first + i * step;
        edges[binCount] = last;
        return Count(values, edges);
    }

    /// <summary>Bins between the given edges, which must be finite and strictly increasing.</summary>
    public static HistogramBins Compute(ReadOnlySpan<double> values, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2)
            throw new ArgumentException($"bin edges need at least two values, got {edges.Count}", nameof(edges));
        var copy = edges.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
                throw new ArgumentException($"bin edge {i} is {copy[i]}; edges must be finite", nameof(edges));
            if (i > 0 && copy[i] <= copy[i - 1])
                throw new ArgumentException(
                    $"bin edges must increase, but edge {i} ({copy[i]}) is not above edge {i - 1} ({copy[i - 1]})", nameof(edges));
        }
        return Count(values, copy);
    }

    static HistogramBins Count(ReadOnlySpan<double> values, double[] edges)
    {
        var counts = new int[edges.Length - 1];
        var missing = 0;
        var first = edges[0];
        var last = edges[^1];
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                missing++;
                continue;
            }
            if (value < first || value > last)
                continue;
            if (value == last)
            {
                counts[^1]++;
                continue;
            }
            // Index of the last edge not above the value.
            var found = Array.BinarySearch(edges, value);
            var bin = found >= 0 ? found : ~found - 1;
            while (bin + 1 < edges.Length - 1 && edges[bin + 1] <= value)
                bin++;
            counts[bin]++;
        }
        return new HistogramBins(edges, counts, missing);
    }
}
