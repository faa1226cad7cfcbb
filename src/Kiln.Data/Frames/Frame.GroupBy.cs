namespace Kiln.Data;

/// <summary>Grouping rows by key columns (pandas' <c>groupby</c>).</summary>
public sealed partial class Frame
{
    /// <summary>Groups rows by the key columns; groups come out sorted by key (pandas' default <c>sort=True</c>).</summary>
    public GroupBy GroupBy(params string[] keys) => new(this, keys, sortByKeys: true);

    /// <summary>Groups rows by the key columns, sorted by key or in order of first appearance (pandas' <c>sort=False</c>).</summary>
    public GroupBy GroupBy(string[] keys, bool sortByKeys) => new(this, keys, sortByKeys);
}
