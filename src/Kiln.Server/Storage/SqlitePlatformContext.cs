using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Storage;

/// <summary>The platform schema on SQLite; its migrations are in Storage/Migrations/Sqlite.</summary>
sealed class SqlitePlatformContext(DbContextOptions<SqlitePlatformContext> options) : PlatformContext(options);
