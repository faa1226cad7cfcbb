namespace Kiln.Learn.Cluster;

/// <summary>How alike two clusterings of the same rows are, whatever the clusters are called.</summary>
public static class ClusterAgreement
{
    /// <summary>
    /// The adjusted Rand index (scikit-learn's adjusted_rand_score): 1 for the same partition under any renaming,
    /// about 0 for independent ones.
    /// </summary>
    public static double AdjustedRandIndex(IReadOnlyList<long> first, IReadOnlyList<long> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
            throw new ArgumentException($"the clusterings label {first.Count} and {second.Count} rows", nameof(second));
        var pairs = new Dictionary<(long, long), long>();
        var rows = new Dictionary<long, long>();
        var columns = new Dictionary<long, long>();
        for (var i = 0; i < first.Count; i++)
        {
            pairs[(first[i], second[i])] = pairs.GetValueOrDefault((first[i], second[i])) + 1;
            rows[first[i]] = rows.GetValueOrDefault(first[i]) + 1;
            columns[second[i]] = columns.GetValueOrDefault(second[i]) + 1;
        }
        static double Pairs(long n) => n * (n - 1) / 2.0;
        double index = 0, rowPairs = 0, columnPairs = 0;
        foreach (var count in pairs.Values) index += Pairs(count);
        foreach (var count in rows.Values) rowPairs += Pairs(count);
        foreach (var count in columns.Values) columnPairs += Pairs(count);
        // one cluster each, or every row its own cluster in both: scikit-learn calls these a perfect match
        if (rows.Count == columns.Count && (rows.Count == 1 || rows.Count == first.Count)) return 1;
        var expected = rowPairs * columnPairs / Pairs(first.Count);
        var maximum = (rowPairs + columnPairs) / 2;
        return maximum == expected ? 0 : (index - expected) / (maximum - expected);
    }
}
