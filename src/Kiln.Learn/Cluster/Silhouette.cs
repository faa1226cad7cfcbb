using Kiln.Data;

namespace Kiln.Learn.Cluster;

/// <summary>
/// The silhouette coefficient (scikit-learn's silhouette_score and silhouette_samples, Euclidean): for each row,
/// (b − a) / max(a, b) with a its mean distance to the rest of its cluster and b its mean distance to the nearest other
/// cluster; 0 for a row alone in its cluster. Every label is a cluster, −1 (noise) included, as in scikit-learn.
/// </summary>
public static class Silhouette
{
    /// <summary>The mean silhouette over all rows, from −1 (wrong clusters) to 1 (dense, well-separated clusters).</summary>
    public static double Score(Frame features, Column labels)
    {
        var samples = Samples(features, labels);
        double sum = 0;
        foreach (var value in samples) sum += value;
        return sum / samples.Length;
    }

    /// <summary>The silhouette of each row.</summary>
    public static double[] Samples(Frame features, Column labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != features.RowCount)
            throw new ArgumentException($"silhouette: {labels.Length} labels for {features.RowCount} rows", nameof(labels));
        foreach (var column in NumericInput.Columns(features, "silhouette"))
            InputValues.RequireFinite(column, "silhouette", allowMissing: false);
        var (codes, clusterCount) = Codes(labels);
        if (clusterCount < 2 || clusterCount > features.RowCount - 1)
            throw new ArgumentException(
                $"silhouette: labels has {clusterCount} distinct clusters; it needs from 2 to rows − 1 ({features.RowCount - 1})", nameof(labels));
        var x = NumericInput.Matrix(features, "silhouette");
        var sizes = new int[clusterCount];
        foreach (var code in codes) sizes[code]++;
        var width = x.FeatureCount;
        var values = x.Memory;
        var result = new double[x.RowCount];
        Parallel.For(0, x.RowCount, () => new double[clusterCount], (i, _, sums) =>
        {
            Array.Clear(sums);
            var row = values.Span.Slice(i * width, width);
            for (var other = 0; other < x.RowCount; other++)
                sums[codes[other]] += Math.Sqrt(Centres.SquaredDistance(row, values.Span.Slice(other * width, width)));
            var own = codes[i];
            if (sizes[own] == 1) return sums;
            var within = sums[own] / (sizes[own] - 1);
            var nearest = double.PositiveInfinity;
            for (var c = 0; c < clusterCount; c++)
                if (c != own) nearest = Math.Min(nearest, sums[c] / sizes[c]);
            var spread = Math.Max(within, nearest);
            result[i] = spread > 0 ? (nearest - within) / spread : 0;
            return sums;
        }, _ => { });
        return result;
    }

    /// <summary>Each row's label as a code 0, 1, … in order of first appearance; any column type works.</summary>
    static (int[] Codes, int Count) Codes(Column labels)
    {
        var codes = new int[labels.Length];
        var seen = new Dictionary<object, int>();
        for (var i = 0; i < codes.Length; i++)
        {
            if (labels.IsMissing(i) || labels.GetValue(i) is not { } value)
                throw new ArgumentException($"silhouette: labels '{labels.Name}' is missing at row {i}", nameof(labels));
            if (!seen.TryGetValue(value, out var code)) seen[value] = code = seen.Count;
            codes[i] = code;
        }
        return (codes, seen.Count);
    }
}
