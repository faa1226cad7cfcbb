using System.Text;

namespace Kiln.Data;

/// <summary>
/// A typed columnar table, the pandas DataFrame of Kiln. Immutable: every operation returns a new
/// frame that may share column storage with this one. Operations live in <c>Frame.*.cs</c> files.
/// </summary>
public sealed partial class Frame
{
    readonly Column[] _columns;
    readonly Dictionary<string, int> _index;

    public Frame(IEnumerable<Column> columns)
    {
        _columns = [.. columns];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!_index.TryAdd(_columns[i].Name, i))
                throw new ArgumentException($"column '{_columns[i].Name}' appears twice", nameof(columns));
            if (_columns[i].Length != _columns[0].Length)
                throw new ArgumentException(
                    $"column '{_columns[i].Name}' has {_columns[i].Length} rows but '{_columns[0].Name}' has {_columns[0].Length}",
                    nameof(columns));
        }
        RowCount = _columns.Length == 0 ? 0 : _columns[0].Length;
    }

    public Frame(params Column[] columns) : this((IEnumerable<Column>)columns) { }

    public int RowCount { get; }
    public int ColumnCount => _columns.Length;
    public IReadOnlyList<Column> Columns => _columns;
    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);

    /// <summary>(rows, columns), as pandas' <c>shape</c>.</summary>
    public (int Rows, int Columns) Shape => (RowCount, ColumnCount);

    public Column this[int index] => _columns[index];

    public Column this[string name] => _columns[IndexOf(name)];

    public bool HasColumn(string name) => _index.ContainsKey(name);

    /// <summary>The position of a column; an unknown name throws <see cref="UnknownColumnException"/> listing the names there are.</summary>
    public int IndexOf(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new UnknownColumnException(name, _index.Keys);

    /// <summary>The column as the given type; throws a clear error when it has another type.</summary>
    public T Column<T>(string name) where T : Column =>
        this[name] as T ?? throw new InvalidOperationException(
            $"column '{name}' is {this[name].Type.Name()}, not {typeof(T).Name.Replace("Column", "").ToLowerInvariant()}");

    public Frame Head(int count = 5) => Slice(0, Math.Min(count, RowCount));

    public Frame Tail(int count = 5)
    {
        var n = Math.Min(count, RowCount);
        return Slice(RowCount - n, n);
    }

    public Frame Slice(int start, int count) => new(_columns.Select(c => c.Slice(start, count)));

    /// <summary>Only the named columns, in the order given.</summary>
    public Frame Select(params string[] names) => new(names.Select(n => this[n]));

    public Frame Drop(params string[] names)
    {
        foreach (var n in names) IndexOf(n);
        return new(_columns.Where(c => !names.Contains(c.Name)));
    }

    /// <summary>Gathers rows by index (-1 gives a row of missing values).</summary>
    public Frame Take(ReadOnlySpan<int> rows)
    {
        var taken = new Column[_columns.Length];
        if ((long)rows.Length * _columns.Length < ParallelThreshold)
        {
            for (var i = 0; i < _columns.Length; i++) taken[i] = _columns[i].Take(rows);
            return new Frame(taken);
        }
        // each column is a separate contiguous gather, so columns go to cores independently
        var shared = rows.ToArray();
        Parallel.For(0, _columns.Length, i => taken[i] = _columns[i].Take(shared));
        return new Frame(taken);
    }

    /// <summary>Below this many cells, spreading work over cores costs more than it saves.</summary>
    internal const long ParallelThreshold = 1 << 16;

    /// <summary>Rows where the mask is true (pandas' <c>df[mask]</c>).</summary>
    public Frame Filter(ReadOnlySpan<bool> mask)
    {
        if (mask.Length != RowCount)
            throw new ArgumentException($"the mask has {mask.Length} entries but the frame has {RowCount} rows", nameof(mask));
        return Take(Data.Column.MaskToRows(mask));
    }

    /// <summary>Rows where a boolean column is true; missing counts as false.</summary>
    public Frame Filter(BoolColumn mask) => mask.HasMissing ? Filter(mask.TrueRows()) : Filter(mask.Values);

    /// <summary>Adds a column, or replaces the one with the same name in place.</summary>
    public Frame WithColumn(Column column)
    {
        if (_columns.Length > 0 && column.Length != RowCount)
            throw new ArgumentException($"column '{column.Name}' has {column.Length} rows but the frame has {RowCount}", nameof(column));
        var columns = _columns.ToList();
        if (_index.TryGetValue(column.Name, out var i)) columns[i] = column;
        else columns.Add(column);
        return new Frame(columns);
    }

    /// <summary>Adds or replaces a column under the given name, e.g. <c>WithColumn("total", frame.Column&lt;Float64Column&gt;("a") + 1)</c>.</summary>
    public Frame WithColumn(string name, Column column) => WithColumn(column.Name == name ? column : column.Rename(name));

    public Frame Rename(string from, string to)
    {
        var i = IndexOf(from);
        return new Frame(_columns.Select((c, j) => j == i ? c.Rename(to) : c));
    }

    /// <summary>Bytes held by all columns' values.</summary>
    public long MemoryBytes => _columns.Sum(c => c.MemoryBytes);

    /// <summary>A plain-text table of the first and last rows, like pandas prints a frame.</summary>
    public override string ToString() => ToString(maxRows: 10);

    public string ToString(int maxRows)
    {
        List<int> rows = RowCount <= maxRows
            ? [.. Enumerable.Range(0, RowCount)]
            : [.. Enumerable.Range(0, maxRows / 2), -1, .. Enumerable.Range(RowCount - maxRows / 2, maxRows / 2)];
        string[] header = ["", .. _columns.Select(c => c.Name)];
        var cells = new List<string[]> { header };
        foreach (var r in rows)
        {
            string[] cellsOfRow = r < 0
                ? [.. Enumerable.Repeat("...", _columns.Length + 1)]
                : [r.ToString(System.Globalization.CultureInfo.InvariantCulture), .. _columns.Select(c => c.Format(r))];
            cells.Add(cellsOfRow);
        }
        var widths = Enumerable.Range(0, _columns.Length + 1).Select(j => cells.Max(row => row[j].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in cells)
            text.AppendJoin("  ", row.Select((cell, j) => cell.PadLeft(widths[j]))).Append('\n');
        text.Append('[').Append(RowCount).Append(" rows x ").Append(ColumnCount).Append(" columns]");
        return text.ToString();
    }
}
