using System.Text;

namespace Kiln.Data;

/// <summary>
/// Reads CSV into a <see cref="Frame"/>: quoted fields (with "" escapes and line breaks inside quotes),
/// header detection, type inference per column (int64 → float64 → bool → datetime → string), missing markers
/// and explicit types. The file is read whole; rows are split on both cores and columns parsed in parallel.
/// </summary>
public static class CsvReader
{
    public static Frame Read(string path, CsvOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(Directory.Exists(path) ? $"{path} is a folder, not a CSV file" : $"{path}: no such file", path);
        return Parse(File.ReadAllBytes(path), path, options ?? CsvOptions.Default, cancellationToken);
    }

    /// <summary>Reads CSV held in a string; <paramref name="source"/> names it in error messages.</summary>
    public static Frame ReadText(string text, CsvOptions? options = null, string source = "<text>") =>
        Parse(Encoding.UTF8.GetBytes(text), source, (options ?? CsvOptions.Default) with { Encoding = null }, CancellationToken.None);

    static Frame Parse(byte[] bytes, string source, CsvOptions options, CancellationToken cancellationToken)
    {
        if (options.Encoding is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage)
            bytes = Encoding.Convert(encoding, Encoding.UTF8, bytes);
        var parse = new CsvParse(bytes, source, options, cancellationToken);
        return parse.Run();
    }
}
