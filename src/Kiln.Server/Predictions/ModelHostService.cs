using Kiln.Serving;
using Microsoft.Extensions.Hosting;

namespace Kiln.Server.Predictions;

/// <summary>Runs the model host's registry polling and the prediction feed's delivery for as long as the server runs.</summary>
internal sealed class ModelHostService(ModelHost host, PredictionFeed feed) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Task.Run(() => host.RunAsync(stoppingToken), CancellationToken.None), Task.Run(() => feed.RunAsync(stoppingToken), CancellationToken.None));
}
