using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// Tells people about alerts: a log warning and, when a webhook is configured, a JSON POST to it. A version's alerts
/// are told once; they are told again only when they change, so a dashboard that polls does not flood the webhook.
/// </summary>
public sealed class AlertNotifier(ILogger logger, HttpClient? http = null, Uri? webhook = null)
{
    readonly ConcurrentDictionary<(string, int), string> _told = new();

    /// <summary>Tells the new alerts of the report; a webhook that fails is logged, never thrown, since alerts are advisory.</summary>
    public async Task NotifyAsync(MonitoringReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var version in report.Versions)
        {
            var key = (report.Model, version.Version);
            var alerts = string.Join('\n', version.Alerts);
            if (_told.TryGetValue(key, out var told) && told == alerts) continue;
            _told[key] = alerts;
            if (!version.Alert) continue;
            foreach (var alert in version.Alerts)
                logger.LogWarning("model {Model} version {Version}: {Alert}", report.Model, version.Version, alert);
            if (http is null || webhook is null) continue;
            try
            {
                using var response = await http.PostAsJsonAsync(webhook, new AlertMessage(report.Model, version.Version, report.Computed, version.Alerts),
                    ReferenceProfile.Json, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    logger.LogWarning("the alert webhook {Webhook} answered {Status} for model {Model} version {Version}", webhook, (int)response.StatusCode, report.Model, version.Version);
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning("the alert webhook {Webhook} could not be reached: {Error}", webhook, e.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("the alert webhook {Webhook} did not answer in time", webhook);
            }
        }
    }
}
