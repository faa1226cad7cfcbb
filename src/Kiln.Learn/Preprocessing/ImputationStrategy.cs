namespace Kiln.Learn.Preprocessing;

/// <summary>What <see cref="SimpleImputer"/> fills a column's missing values with.</summary>
public enum ImputationStrategy
{
    /// <summary>The mean of the present values (numeric columns).</summary>
    Mean,

    /// <summary>The median of the present values (numeric columns).</summary>
    Median,

    /// <summary>The most frequent value, the smallest one on ties (numeric and text columns).</summary>
    MostFrequent,

    /// <summary>The fill value given as a parameter (numeric and text columns).</summary>
    Constant,
}
