namespace Kiln.Tracking.Storage;

/// <summary>The <c>model_versions</c> table: a numbered copy of a model package, where it came from and where its copy is kept.</summary>
sealed class ModelVersionRow
{
    public required string Name { get; set; }
    public int Version { get; set; }
    public string? Description { get; set; }
    public long CreationTime { get; set; }
    public long LastUpdatedTime { get; set; }
    public required string Source { get; set; }
    public string? RunId { get; set; }
    public required string Status { get; set; }
    public string? StatusMessage { get; set; }
    public required string StorageLocation { get; set; }
    public List<ModelVersionTagRow> Tags { get; set; } = [];
}
