using System.Text;

namespace Kiln.Data;

/// <summary>
/// Reads a table from a file, choosing the reader by the file's extension: .csv and .tsv (CSV, tab-separated for .tsv),
/// .jsonl and .ndjson (JSON Lines) and .parquet. Any other text file (UCI's .data files, a file with no extension) is
/// read as delimited text, as pandas' <c>read_csv</c> reads whatever it is given. Every place that takes a data file
/// reads it through here, so they all know the same formats.
/// </summary>
public static class FrameFile
{
    /// <summary>How many bytes from a file's start decide whether it is text.</summary>
    const int SniffLength = 8192;

    /// <summary>The extensions of the named formats, lower case with their dot (what an upload accepts).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"];

    /// <summary>The formats in words, for help and error messages.</summary>
    public const string FormatNames = "CSV (.csv, .tsv), JSON Lines (.jsonl, .ndjson) or Parquet (.parquet)";

    /// <summary>Whether <paramref name="path"/>'s extension is one of <see cref="Extensions"/>.</summary>
    public static bool IsKnown(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>Whether the file is read as delimited text, so that CSV options (separator, names, quoting) apply to it.</summary>
    public static bool IsDelimitedText(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is not (".jsonl" or ".ndjson" or ".parquet");

    /// <summary>The separator a CSV file is read with unless told otherwise: a tab for .tsv, a comma for anything else.</summary>
    public static char DefaultSeparator(string path) =>
        Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';

    /// <summary>
    /// Reads the file whole. A file of any extension other than the named formats' (or of none) is read as delimited
    /// text when it is text — no NUL byte in its first 8 KB — and is otherwise an <see cref="ArgumentException"/> naming
    /// the formats. <paramref name="csv"/> applies to delimited text only; without it such files are read with the
    /// defaults and <see cref="DefaultSeparator"/>.
    /// </summary>
    public static Frame Read(string path, CsvOptions? csv = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".jsonl" or ".ndjson":
                return JsonLines.Read(path, cancellationToken: cancellationToken);
            case ".parquet":
                return ParquetFile.Read(path, cancellationToken);
            case var other and not (".csv" or ".tsv") when File.Exists(path) && !IsText(path, csv?.Encoding):
                throw new ArgumentException(
                    $"{path}: {(other.Length == 0 ? "this file without an extension" : $"this '{other}' file")} is not text (it holds NUL bytes), " +
                    $"so it cannot be read as a table; give {FormatNames}, or a text file of delimited values");
            default:
                return CsvReader.Read(path, csv ?? new CsvOptions { Separator = DefaultSeparator(path) }, cancellationToken);
        }
    }

    /// <summary>No NUL byte in the first bytes, as git and grep tell text from binary; UTF-16 and UTF-32 text holds NULs, so a file said to be in one is taken at its word.</summary>
    static bool IsText(string path, Encoding? encoding)
    {
        if (encoding is not null && encoding.GetByteCount("a") > 1) return true;
        Span<byte> start = stackalloc byte[SniffLength];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(start, SniffLength, throwOnEndOfStream: false);
        return !start[..read].Contains((byte)0);
    }
}
