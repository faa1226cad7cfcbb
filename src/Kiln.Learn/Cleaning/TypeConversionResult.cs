using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>A converted frame with one report per text column of the input.</summary>
public sealed record TypeConversionResult(Frame Frame, IReadOnlyList<ColumnConversionReport> Columns)
{
    /// <summary>Present values that failed to parse and became missing, over all columns.</summary>
    public int FailedCount => Columns.Sum(c => c.FailedCount);
}
