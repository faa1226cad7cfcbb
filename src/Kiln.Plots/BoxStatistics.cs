namespace Kiln.Plots;

/// <summary>
/// The numbers a box plot draws, computed as matplotlib does: quartiles by linear interpolation
/// (numpy.percentile's default), whiskers at the furthest values within <c>whiskerReach</c> × IQR of the box,
/// and every value beyond the whiskers an outlier. Missing values (NaN and infinities) are skipped.
/// </summary>
public sealed class BoxStatistics
{
    BoxStatistics(double[] sorted, double whiskerReach, int missingCount)
    {
        Count = sorted.Length;
        MissingCount = missingCount;
        Minimum = sorted[0];
        Maximum = sorted[^1];
        FirstQuartile = Percentile(sorted, 0.25);
        Median = Percentile(sorted, 0.5);
        ThirdQuartile = Percentile(sorted, 0.75);
        var reach = whiskerReach * (ThirdQuartile - FirstQuartile);
        var lowFence = FirstQuartile - reach;
        var highFence = ThirdQuartile + reach;
        LowerWhisker = sorted.First(value => value >= lowFence);
        UpperWhisker = sorted.Last(value => value <= highFence);
        Outliers = sorted.Where(value => value < LowerWhisker || value > UpperWhisker).ToArray();
    }

    public int Count { get; }

    public int MissingCount { get; }

    public double Minimum { get; }

    public double Maximum { get; }

    public double FirstQuartile { get; }

    public double Median { get; }

    public double ThirdQuartile { get; }

    public double InterquartileRange => ThirdQuartile - FirstQuartile;

    public double LowerWhisker { get; }

    public double UpperWhisker { get; }

    /// <summary>Values below the lower or above the upper whisker, in increasing order.</summary>
    public IReadOnlyList<double> Outliers { get; }

    public static BoxStatistics Compute(ReadOnlySpan<double> values, double whiskerReach = 1.5)
    {
        if (!double.IsFinite(whiskerReach) || whiskerReach < 0)
            throw new ArgumentOutOfRangeException(nameof(whiskerReach), whiskerReach, "whisker reach must be a finite number ≥ 0 (1.5 is usual)");
        var finite = new List<double>(values.Length);
        foreach (var value in values)
            if (double.IsFinite(value))
                finite.Add(value);
        if (finite.Count == 0)
            throw new ArgumentException("a box plot needs at least one value that is not missing", nameof(values));
        var sorted = finite.ToArray();
        Array.Sort(sorted);
        return new BoxStatistics(sorted, whiskerReach, values.Length - sorted.Length);
    }

    static double Percentile(double[] sorted, double fraction)
    {
        var position = (sorted.Length - 1) * fraction;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
