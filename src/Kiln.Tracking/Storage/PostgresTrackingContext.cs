using Microsoft.EntityFrameworkCore;

namespace Kiln.Tracking.Storage;

/// <summary>The tracking schema on PostgreSQL; its migrations are in Migrations/Postgres.</summary>
sealed class PostgresTrackingContext(DbContextOptions<PostgresTrackingContext> options) : TrackingContext(options);
