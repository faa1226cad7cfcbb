using Kiln.Tracking.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Tracking.Tests;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task The_schema_is_made_by_the_providers_migrations_which_match_the_model(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var connection = test.Options.Database is null ? TrackingConnection.InFolder(test.Home.Path) : TrackingConnection.Parse(test.Options.Database);
        var database = await TrackingDatabase.OpenAsync(connection, [], CancellationToken.None);
        await using var context = database.CreateContext();
        var applied = (await context.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.NotEmpty(applied);
        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add for both providers");
    }

    [Fact]
    public async Task The_default_store_is_a_sqlite_file_and_an_artifact_folder_in_the_home_folder()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        Assert.True(File.Exists(test.Home.File("tracking.db")));
        var run = await test.Store.Runs.CreateAsync(new RunStart());
        await test.Store.Runs.LogArtifactAsync(run.Id, "a.txt", new MemoryStream([1]));
        Assert.True(File.Exists(Path.Combine(test.Home.Path, "artifacts", "0", run.Id, "artifacts", "a.txt")));
    }
}
