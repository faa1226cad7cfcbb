using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Kiln.Server.Jobs;

/// <summary>This server's workers on the shared queue: they take jobs queued on any server sharing the storage.</summary>
sealed class TrainingJobWorker(JobStorage storage, JobOptions options, JobActivator activator, string name) : IHostedService, IDisposable
{
    BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = options.Workers,
            ServerName = name,
            Activator = activator,
            SchedulePollingInterval = TimeSpan.FromSeconds(5),
        }, storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _server?.Dispose();
}
