namespace Kiln.Data;

/// <summary>
/// Reads a table from a file, choosing the reader by the file's extension: .csv and .tsv (CSV, tab-separated for .tsv),
/// .jsonl and .ndjson (JSON Lines) and .parquet. Every place that takes a data file reads it through here, so they all
/// know the same formats.
/// </summary>
public static class FrameFile
{
    /// <summary>The extensions <see cref="Read"/> knows, lower case with their dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"];

    /// <summary>The formats in words, for help and error messages.</summary>
    public const string FormatNames = "CSV (.csv, .tsv), JSON Lines (.jsonl, .ndjson) or Parquet (.parquet)";

    /// <summary>Whether <paramref name="path"/>'s extension is one of <see cref="Extensions"/>.</summary>
    public static bool IsKnown(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>The separator a CSV file is read with unless told otherwise: a tab for .tsv, a comma for anything else.</summary>
    public static char DefaultSeparator(string path) =>
        Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';

    /// <summary>
    /// Reads the file whole; an extension it does not know is an <see cref="ArgumentException"/> that lists the ones it
    /// does. <paramref name="csv"/> applies to .csv and .tsv files only; without it they are read with the defaults and
    /// <see cref="DefaultSeparator"/>.
    /// </summary>
    public static Frame Read(string path, CsvOptions? csv = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".tsv" => CsvReader.Read(path, csv ?? new CsvOptions { Separator = DefaultSeparator(path) }, cancellationToken),
            ".jsonl" or ".ndjson" => JsonLines.Read(path, cancellationToken: cancellationToken),
            ".parquet" => ParquetFile.Read(path, cancellationToken),
            var other => throw new ArgumentException(
                $"{path}: {(other.Length == 0 ? "a file without an extension" : $"'{other}' files")} cannot be read as a table; give {FormatNames}"),
        };
    }
}
