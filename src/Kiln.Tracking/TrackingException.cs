namespace Kiln.Tracking;

/// <summary>A tracking or registry request that cannot be carried out; the message names the key, run, model or version at fault.</summary>
public sealed class TrackingException(TrackingErrorCode code, string message, Exception? inner = null) : Exception(message, inner)
{
    public TrackingErrorCode Code { get; } = code;

    internal static TrackingException NotFound(string message) => new(TrackingErrorCode.ResourceDoesNotExist, message);

    internal static TrackingException Invalid(string message) => new(TrackingErrorCode.InvalidParameterValue, message);

    internal static TrackingException Exists(string message) => new(TrackingErrorCode.ResourceAlreadyExists, message);
}
