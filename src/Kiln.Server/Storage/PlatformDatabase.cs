using Kiln.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Storage;

/// <summary>
/// The platform's tables in the tracking store's database (the same SQLite file or PostgreSQL database), handing out a
/// fresh context per operation: contexts are not thread-safe, the services built on this are.
/// </summary>
sealed class PlatformDatabase(TrackingConnection connection)
{
    public const string MigrationsTable = "platform_migrations";

    readonly DbContextOptions _options = Options(connection);

    public TrackingConnection Connection { get; } = connection;

    public PlatformContext CreateContext() => _options switch
    {
        DbContextOptions<SqlitePlatformContext> sqlite => new SqlitePlatformContext(sqlite),
        DbContextOptions<PostgresPlatformContext> postgres => new PostgresPlatformContext(postgres),
        _ => throw new InvalidOperationException($"no platform context for {_options.GetType().Name}"),
    };

    /// <summary>Brings the platform tables up to date; the tracking store has already created the database itself.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        try
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new TrackingUnavailableException($"cannot bring the platform tables up to date in {Connection}: {e.Message}", e);
        }
    }

    internal static DbContextOptions Options(TrackingConnection connection) => connection.Provider == TrackingProvider.Sqlite
        ? new DbContextOptionsBuilder<SqlitePlatformContext>().UseSqlite(connection.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsTable)).Options
        : new DbContextOptionsBuilder<PostgresPlatformContext>().UseNpgsql(connection.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsTable)).Options;
}
