namespace Kiln.Tracking;

/// <summary>Which runs to list: newest first, from the experiments given (all when none), up to <see cref="MaxResults"/> after skipping <see cref="Skip"/>.</summary>
public sealed record RunQuery
{
    public IReadOnlyList<long>? ExperimentIds { get; init; }
    public LifecycleView View { get; init; } = LifecycleView.ActiveOnly;
    public RunStatus? Status { get; init; }
    public int MaxResults { get; init; } = 1000;

    /// <summary>How many of the matching runs, newest first, to pass over: a listing reads page after page this way.</summary>
    public int Skip { get; init; }

    /// <summary>Only runs that carry every one of these tags with exactly these values.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Only runs that carry none of these tags.</summary>
    public IReadOnlyList<string>? WithoutTags { get; init; }
}
