namespace Kiln.Data.Datasets;

/// <summary>
/// A dataset in the catalog: its kebab-case name, a one-line description, the task it serves, the target column
/// when it is a table with a header, its files, and where it comes from and under which license.
/// </summary>
public sealed record DatasetEntry(
    string Name,
    string Description,
    DatasetTask Task,
    string? Target,
    IReadOnlyList<DatasetFile> Files,
    string Origin,
    string License)
{
    public long TotalBytes => Files.Sum(f => f.Bytes);
}
