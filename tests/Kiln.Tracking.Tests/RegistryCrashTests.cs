namespace Kiln.Tracking.Tests;

/// <summary>
/// The PostgreSQL server is killed in the middle of registry writes; afterwards the registry is as it was before them.
/// Retries are off here, so that the killed transaction stays failed and what it left behind can be seen
/// (<see cref="ServerRestartTests"/> has the same kill with retries on).
/// </summary>
[Collection(nameof(ServerCrashCollection))]
public class RegistryCrashTests
{
    [Fact]
    public async Task Killing_the_server_during_a_registration_leaves_the_registry_consistent()
    {
        PostgresServer.Require();
        var killer = new KillServerOnCommit();
        await using var test = await TestStore.OpenAsync("postgresql", [killer], maxRetries: 0);
        var registry = test.Store.Registry;
        var package = Packages.Write(test.Home.File("p.kiln"));
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"], Tags = new Dictionary<string, string> { ["k"] = "1" } });

        killer.Arm();
        await Assert.ThrowsAnyAsync<Exception>(() =>
            registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"], Tags = new Dictionary<string, string> { ["k"] = "2" } }));
        Assert.NotNull(killer.KilledProcess);
        await KillServerOnCommit.WaitForServerAsync(test.Options.Database!);

        var after = await test.ReopenAsync();
        var model = await after.Registry.GetModelAsync("churn");
        Assert.Equal(1, model.LatestVersion);
        Assert.Equal(new Dictionary<string, int> { ["champion"] = 1 }, model.Aliases);
        var only = Assert.Single(await after.Registry.ListVersionsAsync("churn"));
        Assert.Equal(("1", ModelVersionStatus.Ready), (only.Tags["k"], only.Status));
        // the failed registration's copy of the package was removed; the surviving version's copy is whole
        Assert.Single(await after.Artifacts.ListAsync(ModelRegistry.StorageFolder));
        await using (var copy = await after.Registry.OpenPackageAsync("churn", 1))
        using (var bytes = new MemoryStream())
        {
            await copy.CopyToAsync(bytes);
            Assert.Equal(await File.ReadAllBytesAsync(package), bytes.ToArray());
        }
        // the version counter rolled back with the rest: the next registration is version 2
        Assert.Equal(2, (await after.Registry.RegisterAsync("churn", NewModelVersion.FromFile(package))).Version);
    }

    [Fact]
    public async Task Killing_the_server_while_an_alias_moves_leaves_it_on_the_old_version()
    {
        PostgresServer.Require();
        var killer = new KillServerOnCommit();
        await using var test = await TestStore.OpenAsync("postgresql", [killer], maxRetries: 0);
        var package = Packages.Write(test.Home.File("p.kiln"));
        await test.Store.Registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"] });
        await test.Store.Registry.RegisterAsync("churn", NewModelVersion.FromFile(package));

        killer.Arm();
        await Assert.ThrowsAnyAsync<Exception>(() => test.Store.Registry.SetAliasAsync("churn", "champion", 2));
        await KillServerOnCommit.WaitForServerAsync(test.Options.Database!);

        var after = await test.ReopenAsync();
        Assert.Equal(1, (await after.Registry.GetVersionByAliasAsync("churn", "champion")).Version);
        await after.Registry.SetAliasAsync("churn", "champion", 2);
        Assert.Equal(2, (await after.Registry.GetVersionByAliasAsync("churn", "champion")).Version);
    }
}
