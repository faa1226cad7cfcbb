namespace Kiln.Tracking.Storage;

/// <summary>Each run's latest value of each metric (highest step, then latest time), kept beside the history for listing and sorting runs.</summary>
sealed class LatestMetricRow
{
    public required string RunId { get; set; }
    public required string Key { get; set; }
    public double Value { get; set; }
    public bool IsNan { get; set; }
    public long Timestamp { get; set; }
    public long Step { get; set; }
}
