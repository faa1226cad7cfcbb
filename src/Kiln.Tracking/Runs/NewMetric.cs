namespace Kiln.Tracking;

/// <summary>A metric value to log; the time is now when left out.</summary>
public sealed record NewMetric(string Key, double Value, long Step = 0, DateTimeOffset? Timestamp = null);
