namespace Kiln.Serving.Monitoring;

/// <summary>
/// How one feature (or the model's output) was spread in the training data. A numeric feature keeps its inner decile
/// edges with the count in each of the bins they make (the first and last open-ended), plus a random sample for the
/// Kolmogorov–Smirnov test; a categorical feature keeps the count of each category. Missing values are counted apart.
/// </summary>
/// <param name="Edges">Ascending inner bin edges; a value v falls in the first bin whose upper edge is above it.</param>
/// <param name="Counts">Edges.Length + 1 bin counts.</param>
public sealed record FeatureReference(
    string Name,
    FeatureKind Kind,
    long Rows,
    long Missing,
    double[]? Edges = null,
    long[]? Counts = null,
    double[]? Sample = null,
    IReadOnlyDictionary<string, long>? Categories = null)
{
    /// <summary>The bin of a numeric value under this feature's edges.</summary>
    public int BinOf(double value)
    {
        var edges = Edges ?? throw new InvalidOperationException($"feature '{Name}' is categorical and has no bins");
        var index = Array.BinarySearch(edges, value);
        // a value equal to an edge belongs to the bin above it, as numpy.digitize counts
        return index >= 0 ? UpperMostEqual(edges, index) + 1 : ~index;
    }

    static int UpperMostEqual(double[] edges, int index)
    {
        while (index + 1 < edges.Length && edges[index + 1] == edges[index]) index++;
        return index;
    }
}
