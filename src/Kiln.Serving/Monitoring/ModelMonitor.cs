using System.Collections.Concurrent;
using Kiln.Tracking;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// Monitoring of registered models from the prediction log: per version, drift against the version's training
/// reference and live quality from feedback. References are read once per version and kept, since they never change.
/// </summary>
public sealed class ModelMonitor(TrackingStore tracking, string logFolder, DriftThresholds thresholds)
{
    readonly ConcurrentDictionary<(string, int), (ReferenceProfile?, string)> _references = new();

    public DriftThresholds Thresholds { get; } = Validated(thresholds);

    public async Task<MonitoringReport> ReportAsync(string model, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        // the model must exist, so that a misspelt name is an error rather than an empty report
        await tracking.Registry.GetModelAsync(model, cancellationToken).ConfigureAwait(false);
        var predictions = PredictionLogReader.Predictions(logFolder, model, since).ToList();
        var feedback = PredictionLogReader.Feedback(logFolder, model);
        var versions = new List<VersionMonitoring>();
        var answered = predictions.Count(p => p.Role != ServingRole.Shadow);
        foreach (var group in predictions.GroupBy(p => p.Version).OrderByDescending(g => g.Key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (reference, source) = await ReferenceAsync(model, group.Key, cancellationToken).ConfigureAwait(false);
            versions.Add(DriftAnalyzer.Analyze(group.Key, [.. group], reference, source, feedback, Thresholds) with
            {
                Roles = [.. group.GroupBy(p => p.Role).OrderBy(g => g.Key ?? (ServingRole)int.MaxValue).Select(role => Traffic(role.Key, [.. role], answered, reference, feedback))],
            });
        }
        var deployment = await tracking.Registry.GetDeploymentAsync(model, cancellationToken).ConfigureAwait(false);
        return new MonitoringReport(model, since, DateTimeOffset.UtcNow, versions) { Deployment = deployment };
    }

    /// <summary>The requests one version logged in one role; <paramref name="answered"/> counts every request the model answered in the window.</summary>
    static RoleTraffic Traffic(ServingRole? role, IReadOnlyList<LoggedPrediction> predictions, long answered, ReferenceProfile? reference,
        IReadOnlyDictionary<(string, int), string> feedback)
    {
        var rows = predictions.Sum(p => (long)p.Outputs.Count);
        var shadow = role == ServingRole.Shadow;
        double? agreement = shadow && rows > 0 ? predictions.Sum(p => (long)(p.AgreedRows ?? 0)) / (double)rows : null;
        double? share = shadow || answered == 0 ? null : predictions.Count / (double)answered;
        return new RoleTraffic(role?.ToString().ToLowerInvariant() ?? "direct", predictions.Count, rows, share, agreement, DriftAnalyzer.Quality(predictions, feedback, reference));
    }

    async Task<(ReferenceProfile?, string)> ReferenceAsync(string model, int version, CancellationToken cancellationToken)
    {
        if (_references.TryGetValue((model, version), out var known)) return known;
        var found = await ReferenceLocator.FindAsync(tracking, model, version, cancellationToken).ConfigureAwait(false);
        // a version without a reference may get one registered later, so only found references are kept
        if (found.Profile is not null) _references[(model, version)] = found;
        return found;
    }

    static DriftThresholds Validated(DriftThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        return thresholds;
    }
}
