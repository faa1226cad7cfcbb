namespace Kiln.Data;

/// <summary>Type conversion of columns (pandas' <c>astype</c>).</summary>
public sealed partial class Frame
{
    /// <summary>
    /// The frame with one column converted to another type. Text is parsed invariantly (blank text becomes
    /// missing); float to int64 needs whole numbers; datetime converts only to string. A value that cannot
    /// convert raises <see cref="ValueConversionException"/> naming the column, the row and the value.
    /// </summary>
    public Frame Cast(string column, DataType type) => WithColumn(this[column].Cast(type));

    /// <summary>Converts several columns, e.g. <c>Cast(new() { ["age"] = DataType.Int64, ["sex"] = DataType.String })</c>.</summary>
    public Frame Cast(IReadOnlyDictionary<string, DataType> types)
    {
        var result = this;
        foreach (var (column, type) in types) result = result.Cast(column, type);
        return result;
    }
}
