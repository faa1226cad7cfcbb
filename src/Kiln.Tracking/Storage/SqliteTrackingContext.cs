using Microsoft.EntityFrameworkCore;

namespace Kiln.Tracking.Storage;

/// <summary>The tracking schema on SQLite; its migrations are in Migrations/Sqlite.</summary>
sealed class SqliteTrackingContext(DbContextOptions<SqliteTrackingContext> options) : TrackingContext(options);
