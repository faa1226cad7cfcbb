namespace Kiln.Data;

/// <summary>Joining two frames on key columns (pandas' <c>merge</c>).</summary>
public sealed partial class Frame
{
    /// <summary>Joins with another frame on one key column present in both.</summary>
    public Frame Merge(Frame right, string on, JoinKind how = JoinKind.Inner) => Merge(right, [on], how);

    /// <summary>
    /// Joins with another frame on key columns present in both. A key matching several rows gives every
    /// pairing. Non-key columns with the same name on both sides get <paramref name="leftSuffix"/> and
    /// <paramref name="rightSuffix"/>. Keys must have the same type (int64 and float64 may meet).
    /// Unlike pandas, a missing key matches nothing, as in SQL.
    /// </summary>
    public Frame Merge(Frame right, IReadOnlyList<string> on, JoinKind how = JoinKind.Inner,
        string leftSuffix = "_x", string rightSuffix = "_y")
    {
        if (on.Count == 0) throw new ArgumentException("give at least one key column to merge on", nameof(on));
        if (!Enum.IsDefined(how)) throw new ArgumentOutOfRangeException(nameof(how), how, "expected Inner, Left, Right or Outer");
        var keyGroups = SharedKeyGroups(right, on);
        var leftIds = keyGroups.AsSpan(0, RowCount);
        var rightIds = keyGroups.AsSpan(RowCount);
        var (leftRows, rightRows) = how == JoinKind.Right
            ? Swap(MatchRows(rightIds, leftIds, keepUnmatched: true, appendUnmatchedBuilds: false))
            : MatchRows(leftIds, rightIds, keepUnmatched: how != JoinKind.Inner, appendUnmatchedBuilds: how == JoinKind.Outer);

        var columns = new List<Column>();
        foreach (var column in _columns)
        {
            if (on.Contains(column.Name))
            {
                var fromLeft = column.Take(leftRows);
                columns.Add(how switch
                {
                    JoinKind.Inner or JoinKind.Left => fromLeft,
                    JoinKind.Right => right[column.Name].Take(rightRows).Rename(column.Name),
                    _ => ColumnConcatenation.Coalesce(fromLeft, right[column.Name].Take(rightRows)),
                });
            }
            else
            {
                var clashes = right.HasColumn(column.Name) && !on.Contains(column.Name);
                columns.Add(column.Take(leftRows).Rename(clashes ? column.Name + leftSuffix : column.Name));
            }
        }
        foreach (var column in right._columns)
        {
            if (on.Contains(column.Name)) continue;
            columns.Add(column.Take(rightRows).Rename(HasColumn(column.Name) ? column.Name + rightSuffix : column.Name));
        }
        var merged = new Frame(columns);
        return how == JoinKind.Outer ? merged.SortBy([.. on.Select(k => new SortKey(k))]) : merged;
    }

    /// <summary>Group ids of both frames' key values in one id space: this frame's rows first, then the right frame's.</summary>
    int[] SharedKeyGroups(Frame right, IReadOnlyList<string> on)
    {
        var stacked = new Column[on.Count];
        for (var k = 0; k < on.Count; k++)
        {
            Column leftKey = this[on[k]], rightKey = right[on[k]];
            if (leftKey.Type != rightKey.Type && !(leftKey.Type.IsNumber() && rightKey.Type.IsNumber()))
                throw new ArgumentException(
                    $"key '{on[k]}' is {leftKey.Type.Name()} on the left and {rightKey.Type.Name()} on the right; cast one side first", nameof(on));
            // stacking both sides makes equal values share an id, whatever each side's dictionary says
            stacked[k] = ColumnConcatenation.Concat(on[k], [leftKey, rightKey]);
        }
        return RowGroups.Build(stacked, missingIsAValue: false).GroupOfRow;
    }

    /// <summary>
    /// Pairs each probe row, in order, with the build rows sharing its key (in their order); -1 stands for
    /// no partner. Unmatched probe rows are kept if asked; unmatched build rows may be appended at the end.
    /// </summary>
    static (int[] Probe, int[] Build) MatchRows(ReadOnlySpan<int> probeIds, ReadOnlySpan<int> buildIds, bool keepUnmatched, bool appendUnmatchedBuilds)
    {
        var groupCount = 0;
        foreach (var id in probeIds) groupCount = Math.Max(groupCount, id + 1);
        foreach (var id in buildIds) groupCount = Math.Max(groupCount, id + 1);
        // build rows bucketed by group id, keeping their order within a bucket
        var starts = new int[groupCount + 1];
        foreach (var id in buildIds) if (id >= 0) starts[id + 1]++;
        for (var g = 0; g < groupCount; g++) starts[g + 1] += starts[g];
        var bucketed = new int[starts[groupCount]];
        var next = starts[..groupCount];
        for (var row = 0; row < buildIds.Length; row++) if (buildIds[row] >= 0) bucketed[next[buildIds[row]]++] = row;

        var probe = new List<int>(probeIds.Length);
        var build = new List<int>(probeIds.Length);
        var matched = new bool[groupCount];
        for (var row = 0; row < probeIds.Length; row++)
        {
            var id = probeIds[row];
            if (id >= 0 && starts[id + 1] > starts[id])
            {
                matched[id] = true;
                for (var b = starts[id]; b < starts[id + 1]; b++) { probe.Add(row); build.Add(bucketed[b]); }
            }
            else if (keepUnmatched) { probe.Add(row); build.Add(-1); }
        }
        if (appendUnmatchedBuilds)
            for (var row = 0; row < buildIds.Length; row++)
                if (buildIds[row] < 0 || !matched[buildIds[row]]) { probe.Add(-1); build.Add(row); }
        return ([.. probe], [.. build]);
    }

    static (int[], int[]) Swap((int[] First, int[] Second) pair) => (pair.Second, pair.First);
}
