namespace Kiln.Data;

/// <summary>Where each field of each row of one <see cref="CsvBlock"/> lies in its bytes, column by column; reused from block to block.</summary>
internal sealed class CsvFields(int columnCount)
{
    public int ColumnCount { get; } = columnCount;
    public int RowCount { get; private set; }
    public int[][] Starts { get; } = new int[columnCount][];

    /// <summary>Field lengths; a negative value is ~length of a quoted field holding "" escapes.</summary>
    public int[][] Lengths { get; } = new int[columnCount][];

    /// <summary>Makes room for a block of <paramref name="rowCount"/> rows, keeping the arrays when they are large enough.</summary>
    public void Reset(int rowCount)
    {
        RowCount = rowCount;
        for (var c = 0; c < ColumnCount; c++)
        {
            if (Starts[c] is { } starts && starts.Length >= rowCount) continue;
            Starts[c] = new int[rowCount];
            Lengths[c] = new int[rowCount];
        }
    }
}
