using Kiln.Tracking.Storage;

namespace Kiln.Tracking;

/// <summary>
/// Experiment tracking and the model registry over one database and one artifact store. SQLite under
/// <c>$KILN_HOME</c> by default, PostgreSQL when the connection string names a server; the schema is brought up to
/// date by migrations when the store is opened. Thread-safe: every call uses its own database context.
/// </summary>
/// <example>
/// <code>
/// var tracking = await TrackingStore.OpenAsync();
/// var run = await tracking.Runs.CreateAsync(new RunStart { Name = "baseline", Seed = 42 });
/// await tracking.Runs.LogParamAsync(run.Id, "alpha", "0.1");
/// await tracking.Runs.LogMetricAsync(run.Id, "loss", 0.37, step: 1);
/// await tracking.Runs.UpdateAsync(run.Id, RunStatus.Finished);
/// </code>
/// </example>
public sealed class TrackingStore
{
    TrackingStore(TrackingDatabase database, IArtifactStore artifacts)
    {
        Connection = database.Connection;
        Artifacts = artifacts;
        Experiments = new ExperimentStore(database);
        Runs = new RunStore(database, artifacts);
        Registry = new ModelRegistry(database, artifacts, Runs);
    }

    public TrackingConnection Connection { get; }
    public IArtifactStore Artifacts { get; }
    public ExperimentStore Experiments { get; }
    public RunStore Runs { get; }
    public ModelRegistry Registry { get; }

    /// <summary>Opens (creating or migrating when needed) the store that <paramref name="options"/> name; the defaults when null.</summary>
    public static async Task<TrackingStore> OpenAsync(TrackingOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= TrackingOptions.FromEnvironment();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        var database = await TrackingDatabase.OpenAsync(options.Connection, options.Interceptors, cancellationToken, options.MaxRetries).ConfigureAwait(false);
        var artifacts = options.Artifacts ?? new LocalArtifactStore(Path.Combine(options.ResolvedHome, "artifacts"));
        return new TrackingStore(database, artifacts);
    }
}
