namespace Kiln.Data;

/// <summary>Row-wise filtering, computed columns and apply, written as lambdas over <see cref="FrameRow"/>.</summary>
public sealed partial class Frame
{
    /// <summary>Rows for which the predicate holds, e.g. <c>Filter(row =&gt; row.Get&lt;double&gt;("age") &gt; 30)</c>.</summary>
    public Frame Filter(Func<FrameRow, bool> predicate)
    {
        var keep = new bool[RowCount];
        for (var i = 0; i < keep.Length; i++) keep[i] = predicate(new FrameRow(this, i));
        return Filter(keep);
    }

    /// <summary>Adds (or replaces) a float64 column computed from each row; return NaN for a missing value.</summary>
    public Frame WithColumn(string name, Func<FrameRow, double> compute)
    {
        var values = new double[RowCount];
        for (var i = 0; i < values.Length; i++) values[i] = compute(new FrameRow(this, i));
        return WithColumn(new Float64Column(name, values));
    }

    /// <summary>Adds (or replaces) a bool column computed from each row.</summary>
    public Frame WithColumn(string name, Func<FrameRow, bool> compute)
    {
        var values = new bool[RowCount];
        for (var i = 0; i < values.Length; i++) values[i] = compute(new FrameRow(this, i));
        return WithColumn(new BoolColumn(name, values));
    }

    /// <summary>Adds (or replaces) a string column computed from each row; <c>null</c> is a missing value.</summary>
    public Frame WithColumn(string name, Func<FrameRow, string?> compute)
    {
        var values = new string?[RowCount];
        for (var i = 0; i < values.Length; i++) values[i] = compute(new FrameRow(this, i));
        return WithColumn(new StringColumn(name, values));
    }

    /// <summary>
    /// Replaces a numeric column by a function of its values (pandas' <c>df[c] = df[c].apply(f)</c>);
    /// int64 and bool columns are read as doubles and the result is float64; missing values arrive as NaN.
    /// </summary>
    public Frame Apply(string column, Func<double, double> function) =>
        WithColumn(NumericColumn(column).Apply(function));

    /// <summary>Replaces a string column by a function of its values, run once per distinct value; missing stays missing.</summary>
    public Frame Apply(string column, Func<string, string?> function) =>
        WithColumn(Column<StringColumn>(column).Apply(function));

    /// <summary>A numeric or bool column as doubles, or an error naming the column and its type.</summary>
    internal Float64Column NumericColumn(string name)
    {
        var column = this[name];
        return column.Type.IsNumeric()
            ? column.AsFloat64()
            : throw new InvalidOperationException($"column '{name}' is {column.Type.Name()}, not a number");
    }
}
