namespace Kiln.Server.Jobs;

/// <summary>The training job queue: how many jobs this server runs at once, and how often it looks at the shared queue.</summary>
public sealed record JobOptions
{
    /// <summary>Jobs this server runs at the same time; a training job already uses every core, so one is the default.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Whether this server runs jobs at all; one that does not still queues, lists and cancels them.</summary>
    public bool RunJobs { get; init; } = true;

    /// <summary>How often a running job looks for a cancel request, which may come from any server.</summary>
    public TimeSpan CancelPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often an idle worker asks a PostgreSQL queue for new jobs (the in-memory queue wakes at once).</summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
