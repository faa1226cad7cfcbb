namespace Kiln.Learn.Imbalance;

/// <summary>How many rows each class should have after sampling, by imbalanced-learn's rules, for any number of classes.</summary>
internal static class SamplingTargets
{
    /// <summary>
    /// Rows to add per class. Without a ratio (auto) every class is raised to the largest class's count; with a
    /// ratio r, every class below <c>floor(r · largest)</c> is raised to it and the others are left as they are.
    /// </summary>
    public static int[] RowsToAdd(int[] counts, double? ratio)
    {
        var largest = counts.Max();
        var wanted = ratio is { } r ? (int)Math.Floor(r * largest) : largest;
        var add = new int[counts.Length];
        for (var c = 0; c < add.Length; c++) add[c] = Math.Max(0, wanted - counts[c]);
        return add;
    }

    /// <summary>
    /// Rows to keep per class. Without a ratio (auto) every class is cut to the smallest class's count; with a
    /// ratio r, every class above <c>floor(smallest / r)</c> is cut to it and the others are left as they are.
    /// </summary>
    public static int[] RowsToKeep(int[] counts, double? ratio)
    {
        var smallest = counts.Min();
        var wanted = ratio is { } r ? (int)Math.Min(int.MaxValue, Math.Floor(smallest / r)) : smallest;
        var keep = new int[counts.Length];
        for (var c = 0; c < keep.Length; c++) keep[c] = Math.Min(wanted, counts[c]);
        return keep;
    }
}
