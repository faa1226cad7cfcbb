using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kiln.Server.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqlitePlatformContext</c> build the context; nothing connects.</summary>
sealed class SqlitePlatformDesignTimeContext : IDesignTimeDbContextFactory<SqlitePlatformContext>
{
    public SqlitePlatformContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqlitePlatformContext>)PlatformDatabase.Options(new(Kiln.Tracking.TrackingProvider.Sqlite, "Data Source=design.db")));
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresPlatformContext</c> build the context; nothing connects.</summary>
sealed class PostgresPlatformDesignTimeContext : IDesignTimeDbContextFactory<PostgresPlatformContext>
{
    public PostgresPlatformContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresPlatformContext>)PlatformDatabase.Options(new(Kiln.Tracking.TrackingProvider.PostgreSql, "Host=localhost;Database=kiln")));
}
