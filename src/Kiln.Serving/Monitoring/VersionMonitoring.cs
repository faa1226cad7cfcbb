namespace Kiln.Serving.Monitoring;

/// <summary>Monitoring of one model version: its traffic, per-feature drift, prediction drift, live quality and alerts.</summary>
/// <param name="Requests">Logged requests in the window; <paramref name="Rows"/> counts their rows.</param>
/// <param name="Reference">Where the training reference came from, or why there is none (then no drift is measured).</param>
public sealed record VersionMonitoring(
    int Version,
    long Requests,
    long Rows,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    double? MeanLatencyMilliseconds,
    string Reference,
    IReadOnlyList<FeatureDrift> Features,
    FeatureDrift? Predictions,
    LiveQuality Quality,
    IReadOnlyList<string> Alerts)
{
    public bool Alert => Alerts.Count > 0;

    /// <summary>The version's traffic by role (primary, canary, shadow, direct), the roles it played in the window only.</summary>
    public IReadOnlyList<RoleTraffic> Roles { get; init; } = [];
}
