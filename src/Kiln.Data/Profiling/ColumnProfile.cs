namespace Kiln.Data;

/// <summary>
/// One column of a <see cref="DataProfile"/>. Numeric columns fill the statistics, outlier counts and histogram;
/// every column has its most frequent values. Statistics skip missing values; <c>null</c> means "does not apply".
/// </summary>
public sealed record ColumnProfile(string Name, string Type, int Missing, double MissingShare, int Unique)
{
    public double? Mean { get; init; }
    public double? Std { get; init; }
    public double? Min { get; init; }
    public double? LowerQuartile { get; init; }
    public double? Median { get; init; }
    public double? UpperQuartile { get; init; }
    public double? Max { get; init; }

    /// <summary>Sample skewness (adjusted Fisher–Pearson, as pandas' <c>skew()</c>).</summary>
    public double? Skewness { get; init; }

    /// <summary>Values beyond 1.5 interquartile ranges outside the quartiles (Tukey's fences).</summary>
    public int? OutliersByIqr { get; init; }

    /// <summary>Values more than three standard deviations from the mean.</summary>
    public int? OutliersByZScore { get; init; }

    public Histogram? Histogram { get; init; }

    /// <summary>Why the column looks like an identifier rather than a feature, to follow its name ("has …", "Ticket (…)"); <c>null</c> for a feature.</summary>
    public string? IdentifierReason { get; init; }

    /// <summary>The most frequent values, most frequent first.</summary>
    public IReadOnlyList<ValueCount> TopValues { get; init; } = [];
}

/// <summary>Histogram bins of a column: <c>Edges</c> has one more entry than <c>Counts</c>.</summary>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<int> Counts);

/// <summary>A value, how often it occurs and its share of the non-missing rows.</summary>
public sealed record ValueCount(string Value, int Count, double Share);
