using System.Text.Json.Serialization;

namespace Kiln.Data;

/// <summary>
/// The statistics <see cref="Frame.Describe()"/> gives for one column. Numeric columns (float64, int64) fill
/// count, mean, std (sample, ddof 1), min, quartiles (linear interpolation) and max; others fill count,
/// unique, top and frequency. Missing values are skipped. A statistic that does not apply, or has no
/// value (the mean of an empty column), is <c>null</c>, so the record serialises to JSON as is.
/// </summary>
public sealed record ColumnSummary(string Name, [property: JsonIgnore] DataType Type, int Count)
{
    [JsonPropertyName("type")]
    public string TypeName => Type.Name();

    public bool IsNumeric => Type.IsNumber();

    public double? Mean { get; init; }
    public double? Std { get; init; }
    public double? Min { get; init; }
    /// <summary>The 25% quantile.</summary>
    public double? LowerQuartile { get; init; }
    /// <summary>The 50% quantile.</summary>
    public double? Median { get; init; }
    /// <summary>The 75% quantile.</summary>
    public double? UpperQuartile { get; init; }
    public double? Max { get; init; }

    /// <summary>How many distinct values are present.</summary>
    public int? Unique { get; init; }
    /// <summary>The most frequent value as text; ties go to the value seen first.</summary>
    public string? Top { get; init; }
    /// <summary>How often <see cref="Top"/> occurs.</summary>
    public int? Frequency { get; init; }
}
