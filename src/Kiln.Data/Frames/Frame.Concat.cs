namespace Kiln.Data;

/// <summary>Stacking frames (pandas' <c>concat</c> along rows).</summary>
public sealed partial class Frame
{
    /// <summary>
    /// The rows of several frames one after another. Columns are the union in order of first appearance;
    /// a frame lacking a column contributes missing values there (as pandas does). Int64 meeting float64
    /// becomes float64; other type mismatches are errors naming the column.
    /// </summary>
    public static Frame Concat(params IReadOnlyList<Frame> frames)
    {
        if (frames.Count == 0) return new Frame();
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var frame in frames)
            foreach (var column in frame._columns)
                if (seen.Add(column.Name)) names.Add(column.Name);

        var columns = new Column[names.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var name = names[c];
            var template = frames.First(f => f.HasColumn(name))[name];
            var parts = new Column[frames.Count];
            for (var f = 0; f < parts.Length; f++)
                parts[f] = frames[f].HasColumn(name) ? frames[f][name] : AllMissing(template, frames[f].RowCount);
            columns[c] = ColumnConcatenation.Concat(name, parts);
        }
        return new Frame(columns);
    }

    static Column AllMissing(Column template, int rowCount)
    {
        var rows = new int[rowCount];
        rows.AsSpan().Fill(-1);
        return template.Take(rows);
    }
}
