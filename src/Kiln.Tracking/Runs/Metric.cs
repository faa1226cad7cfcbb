namespace Kiln.Tracking;

/// <summary>One value of a metric: appended, never replaced, so a run keeps the whole history (per epoch, per step).</summary>
public sealed record Metric(string Key, double Value, long Step, DateTimeOffset Timestamp);
