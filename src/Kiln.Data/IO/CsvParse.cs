using System.Text;

namespace Kiln.Data;

/// <summary>One run of <see cref="CsvReader"/>: finds rows, splits fields, then builds each column.</summary>
internal sealed class CsvParse
{
    readonly byte[] _bytes;
    readonly string _source;
    readonly CsvOptions _options;
    readonly CancellationToken _cancellation;
    readonly byte _separator;
    readonly int _start;
    readonly MissingMarkers _missing;

    List<int> _rowStarts = [];
    List<int> _rowEnds = [];

    public CsvParse(byte[] bytes, string source, CsvOptions options, CancellationToken cancellation)
    {
        if (options.Separator is '"' or '\n' or '\r' || options.Separator > 127)
            throw new ArgumentException($"separator '{options.Separator}' cannot be used: pick an ASCII character other than a quote or line break", nameof(options));
        _bytes = bytes;
        _source = source;
        _options = options;
        _cancellation = cancellation;
        _separator = (byte)options.Separator;
        _start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        _missing = new MissingMarkers(options.MissingMarkers);
    }

    public Frame Run()
    {
        FindRows();
        if (_rowStarts.Count == 0)
            throw new DataFormatException(_source, null, null, "the file is empty: no header and no rows");

        var firstRow = SplitRowToStrings(0);
        var hasHeader = _options.HasHeader ?? LooksLikeHeader(firstRow);
        var names = hasHeader ? HeaderNames(firstRow) : Enumerable.Range(1, firstRow.Length).Select(i => $"column_{i}").ToArray();
        foreach (var name in _options.Types.Keys)
            if (!names.Contains(name))
                throw new DataFormatException(_source, null, name, $"a type is given for this column but the file has no such column (columns: {string.Join(", ", names)})");

        var firstDataRow = hasHeader ? 1 : 0;
        var rowCount = _rowStarts.Count - firstDataRow;
        if (_options.MaxRows is { } maxRows && rowCount > maxRows) rowCount = Math.Max(0, maxRows);
        var fields = new CsvFields(names.Length, rowCount);
        SplitFields(fields, firstDataRow);
        _cancellation.ThrowIfCancellationRequested();

        var columns = new Column[names.Length];
        var errors = new DataFormatException?[names.Length];
        Parallel.For(0, names.Length, new ParallelOptions { CancellationToken = _cancellation }, c =>
        {
            var builder = new CsvColumnBuilder(this, fields, c, names[c], firstDataRow);
            try
            {
                columns[c] = _options.Types.TryGetValue(names[c], out var type) ? builder.Build(type) : builder.Infer(_options.InferDates);
            }
            catch (DataFormatException error)
            {
                errors[c] = error;
            }
            fields.Release(c);
        });
        foreach (var error in errors)
            if (error is not null) throw error;
        return new Frame(columns);
    }

    public ReadOnlySpan<byte> Bytes => _bytes;
    public MissingMarkers Missing => _missing;

    /// <summary>The 1-based line of the file on which a row starts (rows and lines differ when quoted fields hold line breaks).</summary>
    public long LineOf(int row) => _bytes.AsSpan(_start, _rowStarts[row] - _start).Count((byte)'\n') + 1;

    public DataFormatException Error(int row, string? column, string problem) => new(_source, LineOf(row), column, problem);

    void FindRows()
    {
        var span = _bytes.AsSpan();
        var position = _start;
        var rowStart = position;
        var inQuotes = false;
        var limit = _options.MaxRows is { } max ? (long)max + 1 : long.MaxValue;
        while (position < span.Length && _rowStarts.Count < limit)
        {
            if (inQuotes)
            {
                var quote = span[position..].IndexOf((byte)'"');
                if (quote < 0)
                    throw new DataFormatException(_source, LineAt(rowStart), null, "a quoted field is never closed");
                position += quote + 1;
                if (position < span.Length && span[position] == '"') position++;
                else inQuotes = false;
                continue;
            }
            var next = span[position..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                position = span.Length;
                break;
            }
            position += next;
            if (span[position] == '"')
            {
                inQuotes = true;
                position++;
                continue;
            }
            AddRow(rowStart, position);
            position++;
            rowStart = position;
        }
        if (rowStart < span.Length && _rowStarts.Count < limit) AddRow(rowStart, span.Length);
    }

    long LineAt(int offset) => _bytes.AsSpan(_start, offset - _start).Count((byte)'\n') + 1;

    void AddRow(int start, int end)
    {
        if (end > start && _bytes[end - 1] == '\r') end--;
        if (end == start) return;
        _rowStarts.Add(start);
        _rowEnds.Add(end);
    }

    string[] SplitRowToStrings(int row)
    {
        var values = new List<string>();
        var position = _rowStarts[row];
        var end = _rowEnds[row];
        while (true)
        {
            var (fieldStart, fieldLength, next) = NextField(row, position, end);
            values.Add(Text(fieldStart, fieldLength));
            if (next > end) return [.. values];
            position = next;
        }
    }

    /// <summary>
    /// The field that starts at <paramref name="position"/>: its content offset and length (negative, as ~length,
    /// when it holds "" escapes), and where the next field starts (past <paramref name="end"/> when this was the last).
    /// </summary>
    (int Start, int Length, int Next) NextField(int row, int position, int end)
    {
        var span = _bytes.AsSpan();
        if (position < end && span[position] == '"')
        {
            var escaped = false;
            var search = position + 1;
            while (true)
            {
                var quote = span[search..end].IndexOf((byte)'"');
                if (quote < 0) throw Error(row, null, "a quoted field is never closed");
                search += quote;
                if (search + 1 < end && span[search + 1] == '"')
                {
                    escaped = true;
                    search += 2;
                    continue;
                }
                break;
            }
            var length = search - position - 1;
            var after = search + 1;
            if (after < end && span[after] != _separator)
                throw Error(row, null, $"unexpected text after a closing quote at byte {after - _rowStarts[row] + 1} of the row");
            return (position + 1, escaped ? ~length : length, after + 1);
        }
        var separator = span[position..end].IndexOf(_separator);
        return separator < 0 ? (position, end - position, end + 1) : (position, separator, position + separator + 1);
    }

    void SplitFields(CsvFields fields, int firstDataRow)
    {
        var rowCount = fields.RowCount;
        var chunkCount = Math.Max(1, Math.Min(rowCount / 4096, Environment.ProcessorCount * 4));
        var errors = new DataFormatException?[chunkCount];
        Parallel.For(0, chunkCount, new ParallelOptions { CancellationToken = _cancellation }, chunk =>
        {
            var from = (int)((long)rowCount * chunk / chunkCount);
            var to = (int)((long)rowCount * (chunk + 1) / chunkCount);
            for (var r = from; r < to; r++)
            {
                var error = SplitRow(fields, r, firstDataRow + r);
                if (error is not null)
                {
                    errors[chunk] = error;
                    return;
                }
            }
        });
        foreach (var error in errors)
            if (error is not null) throw error;
    }

    DataFormatException? SplitRow(CsvFields fields, int r, int row)
    {
        var position = _rowStarts[row];
        var end = _rowEnds[row];
        var columns = fields.ColumnCount;
        for (var c = 0; c < columns; c++)
        {
            if (position > end)
                return Error(row, null, $"expected {columns} fields, found {c}");
            var (start, length, next) = NextField(row, position, end);
            fields.Starts[c]![r] = start;
            fields.Lengths[c]![r] = length;
            position = next;
        }
        if (position <= end)
        {
            var extra = 1;
            while (true)
            {
                var (_, _, next) = NextField(row, position, end);
                if (next > end) break;
                position = next;
                extra++;
            }
            return Error(row, null, $"expected {columns} fields, found {columns + extra}");
        }
        return null;
    }

    /// <summary>A field's text with "" escapes undone.</summary>
    public string Text(int start, int length) =>
        length >= 0
            ? Encoding.UTF8.GetString(_bytes, start, length)
            : Encoding.UTF8.GetString(_bytes, start, ~length).Replace("\"\"", "\"", StringComparison.Ordinal);

    bool LooksLikeHeader(string[] firstRow)
    {
        if (firstRow.Any(string.IsNullOrWhiteSpace)) return false;
        foreach (var value in firstRow)
            if (Utf8ValueParser.TryParseDouble(Encoding.UTF8.GetBytes(value), out _)) return false;
        return true;
    }

    static string[] HeaderNames(string[] firstRow)
    {
        var names = new string[firstRow.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < firstRow.Length; i++)
        {
            var name = string.IsNullOrWhiteSpace(firstRow[i]) ? $"column_{i + 1}" : firstRow[i];
            var unique = name;
            for (var copy = 1; !seen.Add(unique); copy++) unique = $"{name}.{copy}";
            names[i] = unique;
        }
        return names;
    }
}
