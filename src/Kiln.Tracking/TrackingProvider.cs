namespace Kiln.Tracking;

/// <summary>The database behind tracking and the registry.</summary>
public enum TrackingProvider
{
    /// <summary>A file, the default: <c>$KILN_HOME/tracking.db</c>.</summary>
    Sqlite,

    /// <summary>A server that several machines share.</summary>
    PostgreSql,
}
