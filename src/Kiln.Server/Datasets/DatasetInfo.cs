namespace Kiln.Server.Datasets;

/// <summary>An uploaded dataset in a listing: its name, file, shape, when it arrived, who owns it and the project it is in (none: private).</summary>
public sealed record DatasetInfo(string Id, string Name, string FileName, long Bytes, int Rows, int Columns, DateTimeOffset CreatedAt, string OwnerId, string? ProjectId);
