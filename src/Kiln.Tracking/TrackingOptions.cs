using Kiln.Data.Datasets;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kiln.Tracking;

/// <summary>Where tracking keeps its records and artifacts.</summary>
public sealed record TrackingOptions
{
    /// <summary>The folder of the default SQLite file and artifact folder; <c>$KILN_HOME</c> (or <c>~/.kiln</c>) when left out.</summary>
    public string? Home { get; init; }

    /// <summary>A connection string (see <see cref="TrackingConnection.Parse"/>); the SQLite file <c>tracking.db</c> in <see cref="Home"/> when left out.</summary>
    public string? Database { get; init; }

    /// <summary>Where artifacts go; the folder <c>artifacts</c> in <see cref="Home"/> when left out.</summary>
    public IArtifactStore? Artifacts { get; init; }

    /// <summary>EF Core interceptors to add to every database context: logging, diagnostics, fault injection in tests.</summary>
    public IReadOnlyList<IInterceptor> Interceptors { get; init; } = [];

    public const int DefaultMaxRetries = 6;

    /// <summary>
    /// PostgreSQL only: how often a call that failed on a dropped connection or a server restart is tried again
    /// (waiting longer each time, about a minute in all), each transaction as a whole; 0 tries once.
    /// </summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>The defaults, with the database taken from <c>KILN_TRACKING_DB</c> when that is set.</summary>
    public static TrackingOptions FromEnvironment() => new()
    {
        Database = Environment.GetEnvironmentVariable(TrackingConnection.EnvironmentVariable) is { Length: > 0 } database ? database : null,
    };

    /// <summary>The Kiln home in use: <see cref="Home"/>, or <c>$KILN_HOME</c> when that is null.</summary>
    public string ResolvedHome => Home is null ? KilnHome.Path : Path.GetFullPath(Home);

    internal TrackingConnection Connection => Database is null ? TrackingConnection.InFolder(ResolvedHome) : TrackingConnection.Parse(Database);
}
