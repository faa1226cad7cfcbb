using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// Tells people about alerts: a log warning and, when a webhook is configured, a JSON POST to it. A version's alerts
/// are told once; they are told again only when they change, so a dashboard that polls does not flood the webhook
/// (a webhook that failed is tried again at the next report).
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
            foreach (var alert in version.Alerts)
                logger.LogWarning("model {Model} version {Version}: {Alert}", report.Model, version.Version, alert);
            // told only once the webhook took it, so a webhook that was down hears of the alert at the next check
            if (!version.Alert || http is null || webhook is null
                || await PostAsync(new AlertMessage(report.Model, version.Version, report.Computed, version.Alerts), cancellationToken).ConfigureAwait(false))
                _told[key] = alerts;
        }
    }

    async Task<bool> PostAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http!.PostAsJsonAsync(webhook, message, ReferenceProfile.Json, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return true;
            logger.LogWarning("the alert webhook {Webhook} answered {Status} for model {Model} version {Version}", webhook, (int)response.StatusCode, message.Model, message.Version);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("the alert webhook {Webhook} could not be reached: {Error}", webhook, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("the alert webhook {Webhook} did not answer in time", webhook);
        }
        return false;
    }
}
