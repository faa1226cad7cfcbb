namespace Kiln.Tracking;

/// <summary>The tracking database cannot be reached or opened (a server down, a file that is not a database, no rights).</summary>
public sealed class TrackingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
