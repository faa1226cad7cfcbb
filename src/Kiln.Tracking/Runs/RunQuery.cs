namespace Kiln.Tracking;

/// <summary>Which runs to list: newest first, from the experiments given (all when none), up to <see cref="MaxResults"/>.</summary>
public sealed record RunQuery
{
    public IReadOnlyList<long>? ExperimentIds { get; init; }
    public LifecycleView View { get; init; } = LifecycleView.ActiveOnly;
    public RunStatus? Status { get; init; }
    public int MaxResults { get; init; } = 1000;
}
