namespace Kiln.Data;

/// <summary>What a group-by computes over each group's values; all of them skip missing values, as pandas does.</summary>
public enum AggregateFunction
{
    /// <summary>How many values are present (not missing).</summary>
    Count,
    /// <summary>The total; 0 for a group with no values, as in pandas.</summary>
    Sum,
    Mean,
    Min,
    Max,
    /// <summary>Sample standard deviation (ddof 1); NaN for a group with fewer than two values.</summary>
    Std,
    /// <summary>The middle value, averaging the two middle ones for an even count.</summary>
    Median,
}
