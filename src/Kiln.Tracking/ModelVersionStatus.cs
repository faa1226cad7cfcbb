namespace Kiln.Tracking;

/// <summary>Whether a model version's package is in place (MLflow's model version status).</summary>
public enum ModelVersionStatus
{
    PendingRegistration,
    FailedRegistration,
    Ready,
}
