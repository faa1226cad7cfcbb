namespace Kiln.Data;

/// <summary>
/// Reads a CSV stream as blocks of whole rows (quoted line breaks included, when quoting is on), so that a file of any
/// size is parsed in a buffer of about <c>blockSize</c> bytes, grown only for a row longer than that. Skips a UTF-8
/// byte-order mark.
/// </summary>
internal sealed class CsvBlockReader(Stream stream, string source, byte separator, byte? quote, int blockSize, long rowLimit)
{
    byte[] _buffer = new byte[blockSize];
    int _filled;
    int _next;
    bool _atEnd;
    bool _started;
    long _line = 1;
    long _rowsLeft = rowLimit;

    /// <summary>The next block of rows, or <c>null</c> after the last row (or the row limit).</summary>
    public CsvBlock? Next()
    {
        while (_rowsLeft > 0)
        {
            Fill();
            var block = new CsvBlock(_buffer, source, separator, quote, _line);
            var consumed = FindRows(block);
            _line += _buffer.AsSpan(_next, consumed - _next).Count((byte)'\n');
            _next = consumed;
            _rowsLeft -= block.RowCount;
            if (block.RowCount > 0) return block;
            if (_atEnd && _next == _filled) return null;
            // no whole row yet: a row longer than the buffer, which grows until the row fits
            if (_next == 0 && _filled == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        return null;
    }

    /// <summary>Moves the unread rest of the buffer to its start and reads the stream until the buffer is full or the stream ends.</summary>
    void Fill()
    {
        if (_next > 0)
        {
            _buffer.AsSpan(_next, _filled - _next).CopyTo(_buffer);
            (_filled, _next) = (_filled - _next, 0);
        }
        while (!_atEnd && _filled < _buffer.Length)
        {
            var read = stream.Read(_buffer, _filled, _buffer.Length - _filled);
            if (read == 0) _atEnd = true;
            _filled += read;
        }
        if (!_started && _filled >= 3 && _buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8)) _next = 3;
        _started = true;
    }

    /// <summary>Adds the buffer's whole rows to <paramref name="block"/>; returns the offset after the last of them.</summary>
    int FindRows(CsvBlock block)
    {
        var span = _buffer.AsSpan(0, _filled);
        // without quoting the line end stands in for the quote, so one search finds only line ends
        var quoteByte = quote ?? (byte)'\n';
        var position = _next;
        var rowStart = position;
        var inQuotes = false;
        while (position < span.Length && block.RowCount < _rowsLeft)
        {
            if (inQuotes)
            {
                var closing = span[position..].IndexOf(quoteByte);
                if (closing < 0)
                {
                    position = span.Length;
                    break;
                }
                position += closing + 1;
                // a quote at the buffer's end may begin a "" escape: the row is re-read whole with the next block
                if (position < span.Length && span[position] == quoteByte) position++;
                else inQuotes = false;
                continue;
            }
            var next = span[position..].IndexOfAny(quoteByte, (byte)'\n');
            if (next < 0)
            {
                position = span.Length;
                break;
            }
            position += next;
            if (quote is not null && span[position] == quoteByte)
            {
                // only a quote that begins a field opens one, as in pandas and CsvBlock: inside a field it is text
                inQuotes = position == rowStart || span[position - 1] == separator;
                position++;
                continue;
            }
            block.AddRow(rowStart, position);
            rowStart = ++position;
        }
        if (!_atEnd || block.RowCount >= _rowsLeft) return rowStart;
        if (inQuotes) throw new DataFormatException(source, block.LineAt(rowStart), null, CsvBlock.UnclosedQuote);
        block.AddRow(rowStart, span.Length);
        return span.Length;
    }
}
