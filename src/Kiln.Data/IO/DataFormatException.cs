namespace Kiln.Data;

/// <summary>
/// Input that cannot be read as asked. The message names the file, and the line and column where known,
/// so a user can go straight to the bad value: <c>train.csv:14, column 'Age': 'abc' is not a float64</c>.
/// </summary>
public sealed class DataFormatException : FormatException
{
    public DataFormatException(string file, long? line, string? column, string problem)
        : base(Describe(file, line, column, problem))
    {
        File = file;
        Line = line;
        ColumnName = column;
        Problem = problem;
    }

    public string File { get; }

    /// <summary>The 1-based line in the file, when the problem has one.</summary>
    public long? Line { get; }

    public string? ColumnName { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    static string Describe(string file, long? line, string? column, string problem)
    {
        var where = line is null ? file : $"{file}:{line}";
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {problem}";
    }
}
