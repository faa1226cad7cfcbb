namespace Kiln.Tracking.Tests;

/// <summary>
/// The PostgreSQL server restarts or a backend is killed between or during calls: pooled connections break, and the
/// store's calls are tried again — each transaction as a whole — so that callers see no failure.
/// </summary>
[Collection(nameof(ServerCrashCollection))]
public class ServerRestartTests
{
    [Fact]
    public async Task After_a_server_restart_the_next_calls_succeed()
    {
        PostgresServer.Require();
        await using var test = await TestStore.OpenAsync("postgresql");
        var registry = test.Store.Registry;
        var package = Packages.Write(test.Home.File("p.kiln"));
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"] });
        var experiment = await test.Store.Experiments.CreateAsync("before");

        await PostgresServer.RestartAsync();

        // a read, a transaction of the registry, one of the experiments and a run's batch, each on a pooled connection the restart broke
        Assert.Equal(1, (await registry.GetModelAsync("churn")).LatestVersion);
        await registry.SetDeploymentAsync("churn", new ModelDeployment("champion"));
        await test.Store.Experiments.RenameAsync(experiment.Id, "after");
        var run = await test.Store.Runs.CreateAsync(new RunStart());
        await test.Store.Runs.LogBatchAsync(run.Id, [new NewMetric("loss", 0.5)], new Dictionary<string, string> { ["a"] = "1" }, new Dictionary<string, string>());
        Assert.Equal(2, (await registry.RegisterAsync("churn", NewModelVersion.FromFile(package))).Version);
        Assert.Equal("after", (await test.Store.Experiments.GetAsync(experiment.Id)).Name);
    }

    [Fact]
    public async Task Without_retries_a_server_restart_costs_the_next_call()
    {
        PostgresServer.Require();
        await using var test = await TestStore.OpenAsync("postgresql", maxRetries: 0);
        await test.Store.Registry.CreateModelAsync("churn");

        await PostgresServer.RestartAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => test.Store.Registry.GetModelAsync("churn"));
        Assert.Equal("churn", (await test.Store.Registry.GetModelAsync("churn")).Name);
    }

    [Fact]
    public async Task A_registration_whose_server_is_killed_before_commit_is_retried_whole_and_registered_once()
    {
        PostgresServer.Require();
        var killer = new KillServerOnCommit();
        await using var test = await TestStore.OpenAsync("postgresql", [killer]);
        var registry = test.Store.Registry;
        var package = Packages.Write(test.Home.File("p.kiln"));
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"] });

        killer.Arm();
        var second = await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"] });
        Assert.NotNull(killer.KilledProcess);

        Assert.Equal(2, second.Version);
        var after = await test.ReopenAsync();
        var model = await after.Registry.GetModelAsync("churn");
        Assert.Equal((2, 2), (model.LatestVersion, model.Aliases["champion"]));
        Assert.Equal([2, 1], (await after.Registry.ListVersionsAsync("churn")).Select(v => v.Version));
        // one copy per version: the retried attempt wrote no second one
        Assert.Equal(2, (await after.Artifacts.ListAsync(ModelRegistry.StorageFolder)).Count);
    }
}
