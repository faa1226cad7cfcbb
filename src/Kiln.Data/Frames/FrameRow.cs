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
        // typeof(T) tests and (T)(object) casts fold away per instantiation, so reads do not box
        var source = frame[column];
        if (typeof(T) == typeof(double)) return (T)(object)ReadDouble(source);
        if (typeof(T) == typeof(string))
            return source is StringColumn strings ? (T)(object)strings[Index]! : throw WrongType(source, typeof(T));
        if (source.IsMissing(Index))
            throw new InvalidOperationException(
                $"column '{column}', row {Index}: the value is missing; check IsMissing first or read it as double");
        if (typeof(T) == typeof(long) && source is Int64Column longs) return (T)(object)longs[Index];
        if (typeof(T) == typeof(int) && source is Int64Column ints) return (T)(object)checked((int)ints[Index]);
        if (typeof(T) == typeof(bool) && source is BoolColumn bools) return (T)(object)bools[Index];
        if (typeof(T) == typeof(DateTime) && source is DateTimeColumn dates) return (T)(object)dates[Index];
        throw WrongType(source, typeof(T));
    }

    double ReadDouble(Column source) => source switch
    {
        Float64Column floats => floats[Index],
        _ when source.IsMissing(Index) && source.Type.IsNumeric() => double.NaN,
        Int64Column longs => longs[Index],
        BoolColumn bools => bools[Index] ? 1.0 : 0.0,
        _ => throw WrongType(source, typeof(double)),
    };

    static InvalidOperationException WrongType(Column column, Type requested) =>
        new($"column '{column.Name}' is {column.Type.Name()} and cannot be read as {requested.Name}");
}
