using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiln.Server.Jobs;

/// <summary>
/// Picks up the embedded store's jobs when a server starts on it. Their queue was in the memory of the server before, so
/// a job recorded as queued is handed to this server's queue (in the order they were queued), one cancelled while it
/// waited is marked cancelled, and one recorded as running was cut off by the stop — no other server runs jobs on this
/// store, its records being locked to this one — so it is marked failed as interrupted rather than started over unasked,
/// since it may be what stopped the server.
/// </summary>
sealed class TrainingJobRecovery(TrainingJobStore store, TrainingJobQueue queue, ILogger<TrainingJobRecovery> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in store.Unfinished())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (job.Status == TrainingJobStatus.Running)
            {
                logger.LogWarning("training job {Job} was running when the server stopped: marked as interrupted", job.Id);
                store.Finish(job.Id, TrainingJobStatus.Failed, TrainingJobStore.InterruptedError);
            }
            else if (job.CancelRequested)
                store.Finish(job.Id, TrainingJobStatus.Cancelled);
            else
                queue.Enqueue(job.Id);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
