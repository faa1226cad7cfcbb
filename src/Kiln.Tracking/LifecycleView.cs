namespace Kiln.Tracking;

/// <summary>Which experiments or runs a listing shows (MLflow's view type).</summary>
public enum LifecycleView
{
    ActiveOnly,
    DeletedOnly,
    All,
}
