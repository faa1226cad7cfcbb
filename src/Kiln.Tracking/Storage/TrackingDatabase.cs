using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    public static async Task<TrackingDatabase> OpenAsync(TrackingConnection connection, IReadOnlyList<IInterceptor> interceptors, CancellationToken cancellationToken)
    {
        DbContextOptions options;
        if (connection.Provider == TrackingProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            options = new DbContextOptionsBuilder<SqliteTrackingContext>().UseSqlite(connection.ConnectionString).AddInterceptors(interceptors).Options;
        }
        else
            options = new DbContextOptionsBuilder<PostgresTrackingContext>().UseNpgsql(connection.ConnectionString).AddInterceptors(interceptors).Options;

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
