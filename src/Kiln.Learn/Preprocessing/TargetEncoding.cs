namespace Kiln.Learn.Preprocessing;

/// <summary>
/// The encodings of one categorical column against one numeric target, over a subset of rows: Micci-Barreca's
/// shrinkage of each category's mean toward the overall mean, by a fixed smoothing or the empirical-Bayes "auto" one,
/// computed as scikit-learn's TargetEncoder computes them.
/// </summary>
internal static class TargetEncoding
{
    /// <summary>The overall mean and population variance of the target over the rows.</summary>
    public static (double Mean, double Variance) Moments(double[] target, int[] rows)
    {
        double sum = 0;
        foreach (var i in rows) sum += target[i];
        var mean = sum / rows.Length;
        double squares = 0;
        foreach (var i in rows) squares += (target[i] - mean) * (target[i] - mean);
        return (mean, squares / rows.Length);
    }

    /// <summary>One encoding per slot (category); a slot with no rows gets the overall mean.</summary>
    public static double[] Fit(int[] slots, int slotCount, double[] target, int[] rows, double? smooth, double mean, double variance)
    {
        var sums = new double[slotCount];
        var counts = new long[slotCount];
        foreach (var i in rows)
        {
            sums[slots[i]] += target[i];
            counts[slots[i]]++;
        }
        var encodings = new double[slotCount];
        if (smooth is { } m)
        {
            for (var s = 0; s < slotCount; s++)
            {
                var count = counts[s] + m;
                encodings[s] = count == 0 ? mean : (sums[s] + m * mean) / count;
            }
            return encodings;
        }
        var means = new double[slotCount];
        for (var s = 0; s < slotCount; s++) means[s] = sums[s] / counts[s];
        var squaredDifferences = new double[slotCount];
        foreach (var i in rows)
        {
            var difference = target[i] - means[slots[i]];
            squaredDifferences[slots[i]] += difference * difference;
        }
        for (var s = 0; s < slotCount; s++)
        {
            // how far to trust the category's own mean: its share of the variance explained, nan when there is nothing to go on
            var trust = variance * counts[s] / (variance * counts[s] + squaredDifferences[s] / counts[s]);
            encodings[s] = double.IsNaN(trust) ? mean : trust * means[s] + (1 - trust) * mean;
        }
        return encodings;
    }
}
