using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiln.Server.Monitoring;

/// <summary>Registers the prediction log, the model monitor and the alert notifier of a server.</summary>
public static class MonitoringServices
{
    public static IServiceCollection AddModelMonitoring(this IServiceCollection services, MonitoringOptions options, string home)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Thresholds.Validate();
        var log = options.LogUnder(home);
        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            var created = new PredictionLog(log);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<PredictionLog>();
            created.WriteFailed += e => logger.LogError("the prediction log could not write to {Folder}: {Error}", log.Folder, e.Message);
            return created;
        });
        // every answered prediction request reaches the log through the prediction feed
        services.AddSingleton<IPredictionListener>(provider => provider.GetRequiredService<PredictionLog>());
        services.AddSingleton(provider => new ModelMonitor(provider.GetRequiredService<TrackingStore>(), log.Folder, options.Thresholds));
        services.AddHttpClient(nameof(AlertNotifier), client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(provider => new AlertNotifier(
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<AlertNotifier>(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AlertNotifier)),
            options.Webhook));
        services.AddHostedService<MonitoringCheck>();
        return services;
    }
}
