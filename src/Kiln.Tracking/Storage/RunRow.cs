namespace Kiln.Tracking.Storage;

/// <summary>The <c>runs</c> table: one training or evaluation run and how it was made.</summary>
sealed class RunRow
{
    public required string RunId { get; set; }
    public long ExperimentId { get; set; }
    public required string Name { get; set; }
    public required string Status { get; set; }
    public long StartTime { get; set; }
    public long? EndTime { get; set; }
    public required string LifecycleStage { get; set; }
    public long? DeletedTime { get; set; }
    public required string ArtifactUri { get; set; }
    public string? UserId { get; set; }
    public string? Command { get; set; }
    public string? SourceVersion { get; set; }
    public long? Seed { get; set; }
    public string? DataFingerprint { get; set; }
    public List<ParamRow> Params { get; set; } = [];
    public List<RunTagRow> Tags { get; set; } = [];
    public List<LatestMetricRow> LatestMetrics { get; set; } = [];
}
