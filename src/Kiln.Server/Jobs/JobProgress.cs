using Kiln.Learn;

namespace Kiln.Server.Jobs;

/// <summary>
/// Writes a job's progress (a model of a comparison, the fits of a search) into the shared store as it comes, so that every
/// server shows it; reports closer together than <see cref="MinInterval"/> are skipped, except the last of a stage.
/// </summary>
sealed class JobProgress(TrainingJobStore store, string jobId) : IProgress<FitProgress>
{
    static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);

    readonly Lock _gate = new();
    DateTime _last = DateTime.MinValue;

    public void Report(FitProgress value)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (value.Done < value.Total && now - _last < MinInterval) return;
            _last = now;
            store.Report(jobId, new TrainingJobProgress(value.Stage, value.Done, value.Total));
        }
    }
}
