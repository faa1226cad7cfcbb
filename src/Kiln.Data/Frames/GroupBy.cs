namespace Kiln.Data;

/// <summary>
/// Rows grouped by the values of key columns, ready to aggregate (pandas' <c>DataFrameGroupBy</c>).
/// Results have the key columns first, then one column per aggregate, one row per group. Rows with a
/// missing key belong to no group (pandas' <c>dropna=True</c>). Aggregates other than count are float64,
/// also for int64 columns (pandas keeps int64 for an int sum, min and max).
/// </summary>
public sealed class GroupBy
{
    readonly Frame _frame;
    readonly string[] _keys;
    readonly RowGroups _groups;
    readonly int[] _groupOrder;

    internal GroupBy(Frame frame, string[] keys, bool sortByKeys)
    {
        if (keys.Length == 0) throw new ArgumentException("give at least one column to group by", nameof(keys));
        _frame = frame;
        _keys = keys;
        var keyColumns = Array.ConvertAll(keys, k => frame[k]);
        _groups = RowGroups.Build(keyColumns, missingIsAValue: false);
        if (!sortByKeys)
        {
            _groupOrder = new int[_groups.Count];
            for (var g = 0; g < _groupOrder.Length; g++) _groupOrder[g] = g;
            return;
        }
        // order the groups by the key values found at each group's first row
        var keysOfGroups = Array.ConvertAll(keyColumns, c => c.Take(_groups.FirstRow));
        _groupOrder = RowOrder.Sort(keysOfGroups, Array.ConvertAll(keys, _ => true));
    }

    public IReadOnlyList<string> Keys => _keys;

    public int GroupCount => _groups.Count;

    /// <summary>Computes the aggregates, e.g. <c>Aggregate(Aggregation.Mean("age"), Aggregation.Count("age", "people"))</c>.</summary>
    public Frame Aggregate(params Aggregation[] aggregations)
    {
        var results = new Column[aggregations.Length];
        var sources = Array.ConvertAll(aggregations, a => _frame[a.Column]);
        if ((long)_frame.RowCount * aggregations.Length < Frame.ParallelThreshold)
            for (var a = 0; a < aggregations.Length; a++) results[a] = Compute(sources[a], aggregations[a]);
        else
            Parallel.For(0, aggregations.Length, a => results[a] = Compute(sources[a], aggregations[a]));
        return new Frame([.. KeyColumns(), .. results]);
    }

    /// <summary>How many rows each group has (pandas' <c>size()</c>), as an int64 column named <c>size</c>.</summary>
    public Frame Size()
    {
        var sizes = _groups.Sizes();
        var ordered = new long[_groupOrder.Length];
        for (var g = 0; g < ordered.Length; g++) ordered[g] = sizes[_groupOrder[g]];
        return new Frame([.. KeyColumns(), new Int64Column("size", ordered)]);
    }

    /// <summary>Present values per group of each named column, or of every non-key column when none is named; results keep the column names.</summary>
    public Frame Count(params string[] columns) => Shortcut(AggregateFunction.Count, columns);

    /// <summary>Per-group sums of the named columns, or of every numeric non-key column when none is named (pandas' <c>numeric_only=True</c>).</summary>
    public Frame Sum(params string[] columns) => Shortcut(AggregateFunction.Sum, columns);

    /// <summary>Per-group means of the named columns, or of every numeric non-key column when none is named.</summary>
    public Frame Mean(params string[] columns) => Shortcut(AggregateFunction.Mean, columns);

    public Frame Min(params string[] columns) => Shortcut(AggregateFunction.Min, columns);

    public Frame Max(params string[] columns) => Shortcut(AggregateFunction.Max, columns);

    public Frame Std(params string[] columns) => Shortcut(AggregateFunction.Std, columns);

    public Frame Median(params string[] columns) => Shortcut(AggregateFunction.Median, columns);

    Frame Shortcut(AggregateFunction function, string[] columns)
    {
        if (columns.Length == 0)
            columns = [.. _frame.Columns
                .Where(c => !_keys.Contains(c.Name) && (function == AggregateFunction.Count || c.Type.IsNumeric()))
                .Select(c => c.Name)];
        return Aggregate(Array.ConvertAll(columns, c => new Aggregation(c, function, c)));
    }

    IEnumerable<Column> KeyColumns()
    {
        var firstRows = new int[_groupOrder.Length];
        for (var g = 0; g < firstRows.Length; g++) firstRows[g] = _groups.FirstRow[_groupOrder[g]];
        return _keys.Select(k => _frame[k].Take(firstRows));
    }

    Column Compute(Column source, Aggregation aggregation)
    {
        var groupOfRow = _groups.GroupOfRow;
        if (aggregation.Function == AggregateFunction.Count)
        {
            var counts = GroupReductions.CountPresent(source, groupOfRow, _groups.Count);
            return new Int64Column(aggregation.OutputName, Reorder(counts));
        }
        if (!source.Type.IsNumeric())
            throw new InvalidOperationException(
                $"cannot take the {aggregation.Function.ToString().ToLowerInvariant()} of column '{source.Name}' ({source.Type.Name()}); only count applies to it");
        var values = source.AsFloat64().Values;
        var perGroup = GroupReductions.Reduce(values, groupOfRow, _groups.Count, aggregation.Function);
        return new Float64Column(aggregation.OutputName, Reorder(perGroup));
    }

    T[] Reorder<T>(T[] perGroup)
    {
        var ordered = new T[_groupOrder.Length];
        for (var g = 0; g < ordered.Length; g++) ordered[g] = perGroup[_groupOrder[g]];
        return ordered;
    }
}
