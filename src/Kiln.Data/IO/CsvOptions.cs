using System.Text;

namespace Kiln.Data;

/// <summary>How to read a CSV file. The defaults read what pandas' <c>read_csv</c> reads with its defaults.</summary>
public sealed record CsvOptions
{
    /// <summary>The field separator.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>
    /// The character that quotes a field holding separators, line breaks or itself (written twice inside); <c>null</c>
    /// reads quote characters as plain text, as pandas' <c>quoting=csv.QUOTE_NONE</c> does, for files whose texts begin
    /// with or hold stray quotes.
    /// </summary>
    public char? Quote { get; init; } = '"';

    /// <summary>Whether the first row names the columns; <c>null</c> detects it: a first row of non-empty, non-numeric names (the first may be blank, as pandas writes its index) is a header.</summary>
    public bool? HasHeader { get; init; }

    /// <summary>
    /// The columns' names, one per column of the file, as pandas' <c>names=</c>: the first row is then data unless
    /// <see cref="HasHeader"/> is <c>true</c>, when it is a header these names replace. A count other than the file's is
    /// a <see cref="ColumnNamesCountException"/>.
    /// </summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Values read as missing, besides the empty field.</summary>
    public IReadOnlySet<string> MissingMarkers { get; init; } = DefaultMissingMarkers;

    /// <summary>Column types that override inference, by column name; a value that does not parse is an error naming its line.</summary>
    public IReadOnlyDictionary<string, DataType> Types { get; init; } = new Dictionary<string, DataType>();

    /// <summary>The file's text encoding; <c>null</c> reads UTF-8 (with or without a byte-order mark).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Read at most this many data rows (pandas' <c>nrows</c>).</summary>
    public int? MaxRows { get; init; }

    /// <summary>Whether text that parses as ISO-8601 dates (2024-01-31, 2024-01-31 12:00:00) becomes a datetime column.</summary>
    public bool InferDates { get; init; } = true;

    /// <summary>The markers pandas treats as missing by default.</summary>
    public static IReadOnlySet<string> DefaultMissingMarkers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "NULL", "null", "None", "#N/A", "#NA", "<NA>", "-1.#IND", "1.#QNAN",
    };

    public static CsvOptions Default { get; } = new();
}
