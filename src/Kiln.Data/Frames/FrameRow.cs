namespace Kiln.Data;

/// <summary>
/// One row of a frame, read by column name, for predicates and computed columns written as lambdas.
/// Each read looks the column up by name; the vectorised column comparisons are the fast path.
/// </summary>
public readonly struct FrameRow(Frame frame, int index)
{
    /// <summary>The row's position in the frame.</summary>
    public int Index { get; } = index;

    public bool IsMissing(string column) => frame[column].IsMissing(Index);

    /// <summary>
    /// The value as <typeparamref name="T"/>: <c>double</c> reads any numeric or bool column (missing gives NaN);
    /// <c>long</c>, <c>int</c>, <c>bool</c>, <c>DateTime</c> read their own type and throw on a missing value;
    /// <c>string</c> reads a string column (missing gives <c>null</c>).
    /// </summary>
    public T Get<T>(string column)
    {
        var source = frame[column];
        if (typeof(T) == typeof(double))
        {
            var value = source switch
            {
                Float64Column floats => floats[Index],
                _ when source.IsMissing(Index) && source.Type.IsNumeric() => double.NaN,
                Int64Column longs => longs[Index],
                BoolColumn bools => bools[Index] ? 1.0 : 0.0,
                _ => throw WrongType(source, typeof(T)),
            };
            return (T)(object)value;
        }
        if (typeof(T) == typeof(string))
            return source is StringColumn strings ? (T)(object)strings[Index]! : throw WrongType(source, typeof(T));
        if (source.IsMissing(Index))
            throw new InvalidOperationException(
                $"column '{column}', row {Index}: the value is missing; check IsMissing first or read it as double");
        object result = (source, typeof(T)) switch
        {
            (Int64Column longs, var t) when t == typeof(long) => longs[Index],
            (Int64Column longs, var t) when t == typeof(int) => checked((int)longs[Index]),
            (BoolColumn bools, var t) when t == typeof(bool) => bools[Index],
            (DateTimeColumn dates, var t) when t == typeof(DateTime) => dates[Index],
            _ => throw WrongType(source, typeof(T)),
        };
        return (T)result;
    }

    static InvalidOperationException WrongType(Column column, Type requested) =>
        new($"column '{column.Name}' is {column.Type.Name()} and cannot be read as {requested.Name}");
}
