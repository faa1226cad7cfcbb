using System.Text;

namespace Kiln.Data;

/// <summary>
/// One run of <see cref="CsvReader"/>: reads the header, then the file block by block — each block's fields split on
/// all cores and its columns parsed in parallel — and joins each column's blocks at the end. Memory stays near the
/// size of the finished frame whatever the size of the file.
/// </summary>
internal sealed class CsvParse
{
    /// <summary>The bytes read at a time; a block's field positions take about as much again.</summary>
    public const int DefaultBlockSize = 8 << 20;

    readonly Func<Stream> _open;
    readonly string _source;
    readonly CsvOptions _options;
    readonly CancellationToken _cancellation;
    readonly byte _separator;
    readonly byte? _quote;
    readonly int _blockSize;
    readonly MissingMarkers _missing;

    public CsvParse(Func<Stream> open, string source, CsvOptions options, CancellationToken cancellation, int blockSize = DefaultBlockSize)
    {
        if (options.Separator is '\n' or '\r' || options.Separator > 127 || options.Separator == options.Quote)
            throw new ArgumentException($"separator '{options.Separator}' cannot be used: pick an ASCII character other than the quote or a line break", nameof(options));
        if (options.Quote is { } quote && (quote is '\n' or '\r' || quote > 127))
            throw new ArgumentException($"quote character '{quote}' cannot be used: pick an ASCII character other than a line break, or none", nameof(options));
        if (options.Names is { } given) CheckNames(given);
        _open = open;
        _source = source;
        _options = options;
        _cancellation = cancellation;
        _separator = (byte)options.Separator;
        _quote = options.Quote is { } q ? (byte)q : null;
        _blockSize = blockSize;
        _missing = new MissingMarkers(options.MissingMarkers);
    }

    public Frame Run()
    {
        var (names, hasHeader) = ReadHeader();
        var builders = new CsvColumnBuilder[names.Length];
        for (var c = 0; c < names.Length; c++)
            builders[c] = new CsvColumnBuilder(names[c], _options.Types.TryGetValue(names[c], out var type) ? type : null, _options.InferDates, _missing);
        var fields = new CsvFields(names.Length);
        ReadColumns(hasHeader, builders, fields, [.. Enumerable.Range(0, names.Length)]);

        var text = Enumerable.Range(0, names.Length).Where(c => builders[c].NeedsText).ToArray();
        if (text.Length > 0)
        {
            foreach (var c in text) builders[c].RestartAsText();
            ReadColumns(hasHeader, builders, fields, text);
        }

        var columns = new Column[names.Length];
        Parallel.For(0, names.Length, new ParallelOptions { CancellationToken = _cancellation }, c => columns[c] = builders[c].Finish());
        return new Frame(columns);
    }

    (string[] Names, bool HasHeader) ReadHeader()
    {
        using var stream = _open();
        var first = new CsvBlockReader(stream, _source, _separator, _quote, _blockSize, rowLimit: 1).Next()
            ?? throw new DataFormatException(_source, null, null, "the file is empty: no header and no rows");
        var firstRow = first.RowToStrings(0);
        bool hasHeader;
        string[] names;
        if (_options.Names is { } given)
        {
            if (given.Count != firstRow.Length) throw new ColumnNamesCountException(_source, given.Count, firstRow.Length);
            // as pandas: given names make the first row data, unless it is said to be a header they replace
            hasHeader = _options.HasHeader ?? false;
            names = [.. given];
        }
        else
        {
            hasHeader = _options.HasHeader ?? LooksLikeHeader(firstRow);
            names = hasHeader ? HeaderNames(firstRow) : [.. Enumerable.Range(1, firstRow.Length).Select(i => $"column_{i}")];
        }
        foreach (var name in _options.Types.Keys)
            if (!names.Contains(name))
                throw new DataFormatException(_source, null, name, $"a type is given for this column but the file has no such column (columns: {string.Join(", ", names)})");
        return (names, hasHeader);
    }

    /// <summary>Reads the file's data rows into the builders of the given columns.</summary>
    void ReadColumns(bool hasHeader, CsvColumnBuilder[] builders, CsvFields fields, int[] columns)
    {
        using var stream = _open();
        var rowLimit = _options.MaxRows is { } maxRows ? Math.Max(0, maxRows) + (hasHeader ? 1L : 0L) : long.MaxValue;
        var reader = new CsvBlockReader(stream, _source, _separator, _quote, _blockSize, rowLimit);
        var errors = new DataFormatException?[columns.Length];
        for (var first = true; reader.Next() is { } block; first = false)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (first && hasHeader) block.SkipHeader();
            block.SplitFields(fields, _cancellation);
            Parallel.For(0, columns.Length, new ParallelOptions { CancellationToken = _cancellation }, i =>
            {
                try
                {
                    builders[columns[i]].Add(block, fields, columns[i]);
                }
                catch (DataFormatException error)
                {
                    errors[i] = error;
                }
            });
            foreach (var error in errors)
                if (error is not null) throw error;
        }
    }

    /// <summary>
    /// Non-empty, non-numeric names, except that the first may be blank: pandas writes its unnamed index column so
    /// (",Date,Open,…"), and that row is still the header.
    /// </summary>
    static bool LooksLikeHeader(string[] firstRow)
    {
        if (firstRow.Skip(1).Any(string.IsNullOrWhiteSpace) || firstRow.All(string.IsNullOrWhiteSpace)) return false;
        foreach (var value in firstRow)
            if (!string.IsNullOrWhiteSpace(value) && Utf8ValueParser.TryParseDouble(Encoding.UTF8.GetBytes(value), out _)) return false;
        return true;
    }

    static void CheckNames(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException($"the column names given ({string.Join(", ", names)}) hold a blank one: every column needs a name");
            if (!seen.Add(name))
                throw new ArgumentException($"the column name '{name}' is given twice in the names: column names must differ");
        }
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
