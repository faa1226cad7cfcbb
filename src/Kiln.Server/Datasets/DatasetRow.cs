namespace Kiln.Server.Datasets;

/// <summary>One uploaded dataset as stored: who owns it, the project it is in (none: private), where its file lies under the store and its shape.</summary>
sealed class DatasetRow
{
    public required string Id { get; set; }
    public required string OwnerId { get; set; }
    public string? ProjectId { get; set; }
    public required string Name { get; set; }
    public required string FileName { get; set; }
    public long Bytes { get; set; }
    public int Rows { get; set; }
    public int Columns { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
