namespace Kiln.Server.Datasets;

/// <summary>The first rows of a dataset as text, the way the reader typed each column.</summary>
public sealed record DatasetPreview(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<IReadOnlyList<string>> Rows, int TotalRows);
