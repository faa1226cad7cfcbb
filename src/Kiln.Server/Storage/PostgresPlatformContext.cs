using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Storage;

/// <summary>The platform schema on PostgreSQL; its migrations are in Storage/Migrations/Postgres.</summary>
sealed class PostgresPlatformContext(DbContextOptions<PostgresPlatformContext> options) : PlatformContext(options);
