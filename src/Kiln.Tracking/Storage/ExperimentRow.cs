namespace Kiln.Tracking.Storage;

/// <summary>The <c>experiments</c> table; times are milliseconds since the Unix epoch, as MLflow stores them.</summary>
sealed class ExperimentRow
{
    public long ExperimentId { get; set; }
    public required string Name { get; set; }
    public required string ArtifactLocation { get; set; }
    public required string LifecycleStage { get; set; }
    public long CreationTime { get; set; }
    public long LastUpdateTime { get; set; }
    public List<ExperimentTagRow> Tags { get; set; } = [];
}
