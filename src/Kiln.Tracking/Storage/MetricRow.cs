namespace Kiln.Tracking.Storage;

/// <summary>
/// One logged metric value. SQLite cannot store NaN (it reads back as NULL), so a NaN is kept as 0 with
/// <see cref="IsNan"/> set, the way MLflow's SQL store does.
/// </summary>
sealed class MetricRow
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public required string Key { get; set; }
    public double Value { get; set; }
    public bool IsNan { get; set; }
    public long Timestamp { get; set; }
    public long Step { get; set; }
}
