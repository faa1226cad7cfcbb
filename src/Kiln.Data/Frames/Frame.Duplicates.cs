namespace Kiln.Data;

/// <summary>Removing repeated rows and counting values (pandas' <c>drop_duplicates</c> and <c>value_counts</c>).</summary>
public sealed partial class Frame
{
    /// <summary>
    /// The first occurrence of each distinct row, judged on the given columns (all when none are given);
    /// missing values equal each other here, as in pandas. Keeps the first of each set, in row order.
    /// </summary>
    public Frame DropDuplicates(params string[] subset)
    {
        if (ColumnCount == 0) return this;
        var keys = subset.Length == 0 ? _columns : Array.ConvertAll(subset, n => this[n]);
        return Take(RowGroups.Build(keys, missingIsAValue: true).FirstRow);
    }

    /// <summary>
    /// Each distinct value of a column with how often it occurs, most frequent first (ties in order of first
    /// appearance), as a frame of the value column and an int64 <c>count</c> column. Missing values are left
    /// out unless <paramref name="includeMissing"/> (pandas' <c>dropna=False</c>).
    /// </summary>
    public Frame ValueCounts(string column, bool includeMissing = false)
    {
        var source = this[column];
        var groups = RowGroups.Build([source], includeMissing);
        var sizes = groups.Sizes();
        var order = RowOrder.ByCountDescending(sizes);
        var firstRows = new int[order.Length];
        var counts = new long[order.Length];
        for (var i = 0; i < order.Length; i++) (firstRows[i], counts[i]) = (groups.FirstRow[order[i]], sizes[order[i]]);
        var countName = column == "count" ? "frequency" : "count";
        return new Frame(source.Take(firstRows), new Int64Column(countName, counts));
    }
}
