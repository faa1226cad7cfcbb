using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kiln.Tracking.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteTrackingContext</c> build the context; nothing connects.</summary>
sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteTrackingContext>
{
    public SqliteTrackingContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTrackingContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresTrackingContext</c> build the context; nothing connects.</summary>
sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresTrackingContext>
{
    public PostgresTrackingContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTrackingContext>().UseNpgsql("Host=localhost;Database=kiln").Options);
}
