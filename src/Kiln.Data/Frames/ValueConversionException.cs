namespace Kiln.Data;

/// <summary>A value that cannot take the type a column is converted to; names the column, the row and the value.</summary>
public sealed class ValueConversionException(string columnName, int row, string value, DataType target)
    : FormatException($"column '{columnName}', row {row}: cannot convert '{value}' to {target.Name()}")
{
    public string ColumnName { get; } = columnName;
    public int Row { get; } = row;
    public string Value { get; } = value;
    public DataType Target { get; } = target;
}
