using System.Text;

namespace Kiln.Data;

/// <summary>
/// Whole rows of a CSV file held in one buffer: where each row lies, and the line of the file on which the buffer
/// starts, so that a problem in any row names its line. Valid until its reader reads the next block.
/// </summary>
internal sealed class CsvBlock(byte[] bytes, string source, byte separator, byte? quote, long firstLine)
{
    /// <summary>
    /// Said of a quote that breaks a row: files whose texts begin with or hold stray quotes (pandas reads them with
    /// <c>quoting=csv.QUOTE_NONE</c>) read whole with quoting off.
    /// </summary>
    const string QuotingHint = "; if quote characters in this file are plain text, read it with quoting off (--quote none)";

    public const string UnclosedQuote = "a quoted field is never closed" + QuotingHint;

    readonly string _quoteText = quote is { } q ? ((char)q).ToString() : "";

    readonly List<int> _rowStarts = [];
    readonly List<int> _rowEnds = [];
    int _skipped;

    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The rows of data, after any header row.</summary>
    public int RowCount => _rowStarts.Count - _skipped;

    /// <summary>Adds the row between two offsets, without its line end; blank lines are not rows.</summary>
    public void AddRow(int start, int end)
    {
        if (end > start && bytes[end - 1] == '\r') end--;
        if (end == start) return;
        _rowStarts.Add(start);
        _rowEnds.Add(end);
    }

    /// <summary>Leaves the first row out of the data: it is the header.</summary>
    public void SkipHeader() => _skipped = 1;

    /// <summary>The 1-based line of the file on which the text at <paramref name="offset"/> lies.</summary>
    public long LineAt(int offset) => firstLine + bytes.AsSpan(0, offset).Count((byte)'\n');

    public DataFormatException Error(int row, string? column, string problem) => new(source, LineAt(_rowStarts[_skipped + row]), column, problem);

    /// <summary>Every field of a row as text, the header row included: the way to read names before the data.</summary>
    public string[] RowToStrings(int row)
    {
        row += _skipped;
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

    /// <summary>Finds every field of every data row, on all cores; a row with the wrong number of fields is an error naming its line.</summary>
    public void SplitFields(CsvFields fields, CancellationToken cancellation)
    {
        var rowCount = RowCount;
        fields.Reset(rowCount);
        var chunkCount = Math.Max(1, Math.Min(rowCount / 4096, Environment.ProcessorCount * 4));
        var errors = new DataFormatException?[chunkCount];
        Parallel.For(0, chunkCount, new ParallelOptions { CancellationToken = cancellation }, chunk =>
        {
            var from = (int)((long)rowCount * chunk / chunkCount);
            var to = (int)((long)rowCount * (chunk + 1) / chunkCount);
            try
            {
                for (var r = from; r < to && errors[chunk] is null; r++) errors[chunk] = SplitRow(fields, r);
            }
            catch (DataFormatException error)
            {
                // a broken quote throws from deep in a field; caught here it leaves as itself, not inside an AggregateException
                errors[chunk] = error;
            }
        });
        foreach (var error in errors)
            if (error is not null) throw error;
    }

    DataFormatException? SplitRow(CsvFields fields, int r)
    {
        var row = _skipped + r;
        var position = _rowStarts[row];
        var end = _rowEnds[row];
        var columns = fields.ColumnCount;
        for (var c = 0; c < columns; c++)
        {
            if (position > end) return Error(r, null, $"expected {columns} fields, found {c}");
            var (start, length, next) = NextField(row, position, end);
            fields.Starts[c][r] = start;
            fields.Lengths[c][r] = length;
            position = next;
        }
        if (position > end) return null;
        var extra = 1;
        while (true)
        {
            var (_, _, next) = NextField(row, position, end);
            if (next > end) break;
            position = next;
            extra++;
        }
        return Error(r, null, $"expected {columns} fields, found {columns + extra}");
    }

    /// <summary>
    /// The field that starts at <paramref name="position"/>: its content offset and length (negative, as ~length,
    /// when it holds "" escapes), and where the next field starts (past <paramref name="end"/> when this was the last).
    /// </summary>
    (int Start, int Length, int Next) NextField(int row, int position, int end)
    {
        var span = bytes.AsSpan();
        if (quote is { } q && position < end && span[position] == q)
        {
            var escaped = false;
            var search = position + 1;
            while (true)
            {
                var closing = span[search..end].IndexOf(q);
                if (closing < 0) throw Error(row - _skipped, null, UnclosedQuote);
                search += closing;
                if (search + 1 < end && span[search + 1] == q)
                {
                    escaped = true;
                    search += 2;
                    continue;
                }
                break;
            }
            var length = search - position - 1;
            var after = search + 1;
            if (after < end && span[after] != separator)
                throw Error(row - _skipped, null, $"unexpected text after a closing quote at byte {after - _rowStarts[row] + 1} of the row{QuotingHint}");
            return (position + 1, escaped ? ~length : length, after + 1);
        }
        var next = span[position..end].IndexOf(separator);
        return next < 0 ? (position, end - position, end + 1) : (position, next, position + next + 1);
    }

    /// <summary>A field's bytes, with doubled quotes undone.</summary>
    public ReadOnlySpan<byte> Field(int start, int length) =>
        length >= 0 ? bytes.AsSpan(start, length) : Encoding.UTF8.GetBytes(Text(start, length));

    /// <summary>A field's text with doubled quotes undone.</summary>
    public string Text(int start, int length) =>
        length >= 0
            ? Encoding.UTF8.GetString(bytes, start, length)
            : Encoding.UTF8.GetString(bytes, start, ~length).Replace(_quoteText + _quoteText, _quoteText, StringComparison.Ordinal);
}
