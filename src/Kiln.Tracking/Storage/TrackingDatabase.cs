using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kiln.Tracking.Storage;

/// <summary>
/// One tracking database: brought up to date by its provider's migrations when opened, then handing out a fresh
/// context per operation (contexts are not thread-safe; the stores built on this are).
/// </summary>
sealed class TrackingDatabase
{
    readonly DbContextOptions _options;

    TrackingDatabase(TrackingConnection connection, DbContextOptions options)
    {
        Connection = connection;
        _options = options;
    }

    public TrackingConnection Connection { get; }

    public TrackingProvider Provider => Connection.Provider;

    public TrackingContext CreateContext() => Provider == TrackingProvider.Sqlite
        ? new SqliteTrackingContext((DbContextOptions<SqliteTrackingContext>)_options)
        : new PostgresTrackingContext((DbContextOptions<PostgresTrackingContext>)_options);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on a fresh context and commits it. On PostgreSQL, when the
    /// connection drops (a restarted server leaves every pooled connection broken), the whole transaction runs again
    /// on a new context; <paramref name="verifySucceeded"/>, when given, first tells whether a commit that failed
    /// went through after all, so that work which is not idempotent is not done twice.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<TrackingContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken,
        Func<TrackingContext, CancellationToken, Task<(bool Succeeded, T Result)>>? verifySucceeded = null)
    {
        await using var owner = CreateContext();
        var strategy = owner.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(work,
            async (_, attempt, token) =>
            {
                await using var context = CreateContext();
                await using var transaction = await context.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                var result = await attempt(context, token).ConfigureAwait(false);
                await transaction.CommitAsync(token).ConfigureAwait(false);
                return result;
            },
            verifySucceeded is null ? null : async (_, _, token) =>
            {
                await using var context = CreateContext();
                var (succeeded, result) = await verifySucceeded(context, token).ConfigureAwait(false);
                return new ExecutionResult<T>(succeeded, result);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <param name="maxRetries">PostgreSQL: how often a call that failed on a transient error is tried again (see <see cref="TrackingOptions.MaxRetries"/>).</param>
    public static async Task<TrackingDatabase> OpenAsync(TrackingConnection connection, IReadOnlyList<IInterceptor> interceptors, CancellationToken cancellationToken,
        int maxRetries = TrackingOptions.DefaultMaxRetries)
    {
        DbContextOptions options;
        if (connection.Provider == TrackingProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            options = new DbContextOptionsBuilder<SqliteTrackingContext>().UseSqlite(connection.ConnectionString).AddInterceptors(interceptors).Options;
        }
        else
            options = new DbContextOptionsBuilder<PostgresTrackingContext>()
                .UseNpgsql(connection.ConnectionString, npgsql => { if (maxRetries > 0) npgsql.EnableRetryOnFailure(maxRetries); })
                .AddInterceptors(interceptors).Options;

        var database = new TrackingDatabase(connection, options);
        await using var context = database.CreateContext();
        try
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            // readers do not wait for a writer, and a writer for readers; the setting stays with the file
            if (connection.Provider == TrackingProvider.Sqlite)
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            var now = StoredNames.Millis(DateTimeOffset.UtcNow);
            var defaultName = Experiment.DefaultName;
            var location = StoredNames.Text(Experiment.DefaultId);
            var active = StoredNames.Of(LifecycleStage.Active);
            await context.Database.ExecuteSqlAsync(
                $"INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES ({Experiment.DefaultId}, {defaultName}, {location}, {active}, {now}, {now}) ON CONFLICT DO NOTHING",
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not TrackingException)
        {
            throw new TrackingUnavailableException($"cannot open the tracking database ({connection}): {e.Message}", e);
        }
        return database;
    }
}
