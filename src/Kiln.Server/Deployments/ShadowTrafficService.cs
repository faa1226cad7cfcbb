using Kiln.Serving;
using Microsoft.Extensions.Hosting;

namespace Kiln.Server.Deployments;

/// <summary>Runs the deployments' shadow predictions in the background for as long as the server runs.</summary>
internal sealed class ShadowTrafficService(ShadowTraffic shadows) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => shadows.RunAsync(stoppingToken), CancellationToken.None);
}
