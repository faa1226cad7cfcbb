namespace Kiln.Tracking;

/// <summary>What kind of request failed, in MLflow's terms (its REST API answers with these codes).</summary>
public enum TrackingErrorCode
{
    /// <summary>A name, key, value or state given is not allowed (MLflow's <c>INVALID_PARAMETER_VALUE</c>).</summary>
    InvalidParameterValue,

    /// <summary>The experiment, run, model, version or alias named does not exist (<c>RESOURCE_DOES_NOT_EXIST</c>).</summary>
    ResourceDoesNotExist,

    /// <summary>Something with that name exists already (<c>RESOURCE_ALREADY_EXISTS</c>).</summary>
    ResourceAlreadyExists,

    /// <summary>The thing exists but is in a state that forbids the change (<c>INVALID_STATE</c>).</summary>
    InvalidState,
}
