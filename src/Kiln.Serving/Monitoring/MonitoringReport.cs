namespace Kiln.Serving.Monitoring;

/// <summary>Monitoring of a model: each version that answered in the window, newest first.</summary>
public sealed record MonitoringReport(string Model, DateTimeOffset? Since, DateTimeOffset Computed, IReadOnlyList<VersionMonitoring> Versions)
{
    public bool Alert => Versions.Any(v => v.Alert);
}
