namespace Kiln.Data;

/// <summary>Sorting rows by the values of one or more columns (pandas' <c>sort_values</c>).</summary>
public sealed partial class Frame
{
    /// <summary>Rows ordered by one column; stable, missing values last in either direction.</summary>
    public Frame SortBy(string column, bool ascending = true) => SortBy(new SortKey(column, ascending));

    /// <summary>
    /// Rows ordered by several columns, each ascending or descending, e.g. <c>SortBy("city", SortKey.Descending("age"))</c>.
    /// The sort is stable (equal rows keep their order, like pandas' <c>kind="stable"</c>) and missing values come last in every key.
    /// </summary>
    public Frame SortBy(params SortKey[] keys)
    {
        if (keys.Length == 0) throw new ArgumentException("give at least one column to sort by", nameof(keys));
        var columns = new Column[keys.Length];
        var ascending = new bool[keys.Length];
        for (var k = 0; k < keys.Length; k++) (columns[k], ascending[k]) = (this[keys[k].Column], keys[k].Ascending);
        return Take(RowOrder.Sort(columns, ascending));
    }
}
