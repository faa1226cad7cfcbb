namespace Kiln.Serving.Monitoring;

/// <summary>What the prediction log did with what it was offered since it started.</summary>
/// <param name="SampledOut">Left out by sampling above the full-logging rate.</param>
/// <param name="Dropped">Left out because the writer's queue was full.</param>
public sealed record PredictionLogCounters(long Offered, long SampledOut, long Dropped, long Written, long WriteErrors);
