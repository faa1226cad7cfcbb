using Kiln.Serving.Monitoring;
using Kiln.Tracking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiln.Server.Monitoring;

/// <summary>
/// Checks every registered model that has logged predictions at a fixed interval and tells new alerts, so that drift
/// is reported even when nobody looks at <c>/monitoring</c>.
/// </summary>
public sealed class MonitoringCheck(MonitoringOptions options, TrackingStore tracking, ModelMonitor monitor, PredictionLog log,
    AlertNotifier notifier, ILogger<MonitoringCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.CheckInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.CheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            await CheckAsync(stoppingToken).ConfigureAwait(false);
    }

    /// <summary>One pass over the logged models; a model that fails is logged and the others are still checked.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var since = DateTimeOffset.UtcNow - options.CheckWindow;
        foreach (var model in await tracking.Registry.ListModelsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!Directory.Exists(PredictionLogFiles.ModelFolder(log.Folder, model.Name))) continue;
            try
            {
                await notifier.NotifyAsync(await monitor.ReportAsync(model.Name, since, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or TrackingException)
            {
                logger.LogError("monitoring of model {Model} failed: {Error}", model.Name, e.Message);
            }
        }
    }
}
