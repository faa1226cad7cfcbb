namespace Kiln.Data;

/// <summary>Where each field of each row lies in the file's bytes, column by column.</summary>
internal sealed class CsvFields
{
    public CsvFields(int columnCount, int rowCount)
    {
        ColumnCount = columnCount;
        RowCount = rowCount;
        Starts = new int[columnCount][];
        Lengths = new int[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            Starts[c] = new int[rowCount];
            Lengths[c] = new int[rowCount];
        }
    }

    public int ColumnCount { get; }
    public int RowCount { get; }
    public int[]?[] Starts { get; }

    /// <summary>Field lengths; a negative value is ~length of a quoted field holding "" escapes.</summary>
    public int[]?[] Lengths { get; }

    /// <summary>Drops a column's positions once it is built, so a wide file's index shrinks while its columns grow.</summary>
    public void Release(int column) => (Starts[column], Lengths[column]) = (null, null);
}
