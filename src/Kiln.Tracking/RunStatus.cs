namespace Kiln.Tracking;

/// <summary>Where a run is in its life, as MLflow names it: a run starts <see cref="Running"/> and ends in one of the other states.</summary>
public enum RunStatus
{
    Running,
    Scheduled,
    Finished,
    Failed,
    Killed,
}
