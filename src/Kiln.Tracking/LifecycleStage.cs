namespace Kiln.Tracking;

/// <summary>Whether an experiment or run is in use or deleted (and can still be restored), as in MLflow.</summary>
public enum LifecycleStage
{
    Active,
    Deleted,
}
