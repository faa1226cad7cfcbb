using System.Text;

namespace Kiln.Data;

/// <summary>
/// Reads CSV into a <see cref="Frame"/>: quoted fields (a quote opens one only where a field begins; "" escapes and
/// line breaks inside quotes; quoting can be turned off),
/// header detection, type inference per column (int64 → float64 → bool → datetime → string), missing markers
/// and explicit types. The file is streamed in blocks: fields are split on both cores and columns parsed in parallel.
/// </summary>
public static class CsvReader
{
    public static Frame Read(string path, CsvOptions? options = null, CancellationToken cancellationToken = default) =>
        Read(path, options ?? CsvOptions.Default, cancellationToken, CsvParse.DefaultBlockSize);

    /// <summary>Reads CSV held in a string; <paramref name="source"/> names it in error messages.</summary>
    public static Frame ReadText(string text, CsvOptions? options = null, string source = "<text>") =>
        ReadText(text, options ?? CsvOptions.Default, source, CsvParse.DefaultBlockSize);

    /// <summary>Reads with blocks of <paramref name="blockSize"/> bytes: small blocks let tests cross block boundaries.</summary>
    internal static Frame Read(string path, CsvOptions options, CancellationToken cancellationToken, int blockSize)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(Directory.Exists(path) ? $"{path} is a folder, not a CSV file" : $"{path}: no such file", path);
        Stream Open()
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            return options.Encoding is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage
                ? Encoding.CreateTranscodingStream(file, encoding, Encoding.UTF8)
                : file;
        }
        return new CsvParse(Open, path, options, cancellationToken, blockSize).Run();
    }

    internal static Frame ReadText(string text, CsvOptions options, string source, int blockSize)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new CsvParse(() => new MemoryStream(bytes, writable: false), source, options, CancellationToken.None, blockSize).Run();
    }
}
