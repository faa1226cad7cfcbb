namespace Kiln.Serving.Monitoring;

/// <summary>Monitoring of a model: each version that answered in the window, newest first.</summary>
public sealed record MonitoringReport(string Model, DateTimeOffset? Since, DateTimeOffset Computed, IReadOnlyList<VersionMonitoring> Versions)
{
    /// <summary>The model's deployment when the report was made, or null when it has none.</summary>
    public Tracking.ModelDeployment? Deployment { get; init; }

    public bool Alert => Versions.Any(v => v.Alert);
}
