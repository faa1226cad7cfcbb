using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>
/// The rows a <see cref="IRowFilterModel"/> keeps (ascending row numbers of its input) and how many it dropped for each
/// reason — a column name for outliers (a row outlying in two columns counts for both), or a description such as
/// <c>duplicate rows</c>.
/// </summary>
public sealed record RowFilterResult(int[] KeptRows, int InputRows, IReadOnlyDictionary<string, int> DroppedBy)
{
    public int DroppedCount => InputRows - KeptRows.Length;

    /// <summary>The kept rows of a frame with the same rows as the filtered input.</summary>
    public Frame Apply(Frame frame)
    {
        RequireRows(frame.RowCount, "frame");
        return frame.Take(KeptRows);
    }

    /// <summary>The kept rows of a column (the target) with the same rows as the filtered input.</summary>
    public Column Apply(Column column)
    {
        RequireRows(column.Length, $"column '{column.Name}'");
        return column.Take(KeptRows);
    }

    void RequireRows(int rows, string what)
    {
        if (rows != InputRows)
            throw new ArgumentException($"the {what} has {rows} rows but the rows were chosen from {InputRows}");
    }
}
