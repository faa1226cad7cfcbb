namespace Kiln.Data;

/// <summary>Where the replacement for a missing value comes from.</summary>
public enum FillStrategy
{
    /// <summary>A fixed value given by the user.</summary>
    Value,
    /// <summary>The column's mean (numeric columns).</summary>
    Mean,
    /// <summary>The column's median (numeric columns).</summary>
    Median,
    /// <summary>The column's most frequent value; ties go to the smallest, as pandas' <c>mode()[0]</c>.</summary>
    Mode,
    /// <summary>The last value above it (pandas' <c>ffill</c>); missing values before the first value stay missing.</summary>
    ForwardFill,
}
