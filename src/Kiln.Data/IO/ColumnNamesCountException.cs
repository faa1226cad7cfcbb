namespace Kiln.Data;

/// <summary>
/// The column names given for a delimited file (<see cref="CsvOptions.Names"/>) are not as many as its columns; it keeps
/// both counts so that a caller can name its own option for them.
/// </summary>
public sealed class ColumnNamesCountException(string file, int given, int found)
    : ArgumentException($"{file}: {given} column names are given but the file has {found} columns")
{
    public string File { get; } = file;

    /// <summary>How many names were given.</summary>
    public int Given { get; } = given;

    /// <summary>How many columns the file's first row has.</summary>
    public int Found { get; } = found;
}
