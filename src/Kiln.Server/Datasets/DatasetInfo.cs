namespace Kiln.Server.Datasets;

/// <summary>An uploaded dataset in a listing: its name, file, shape and when it arrived.</summary>
public sealed record DatasetInfo(string Id, string Name, string FileName, long Bytes, int Rows, int Columns, DateTimeOffset CreatedAt);
