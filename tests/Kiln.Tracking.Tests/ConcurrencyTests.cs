namespace Kiln.Tracking.Tests;

/// <summary>Many writers at once, as several commands or server requests would be: nothing lost, nothing doubled.</summary>
public class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Parallel_writers_to_one_run_lose_nothing(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var run = await runs.CreateAsync(new RunStart());
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var step = 0; step < 5; step++)
                await runs.LogMetricAsync(run.Id, "loss", worker * 10 + step, step: worker * 10 + step);
            await runs.LogParamAsync(run.Id, $"p{worker}", $"{worker}");
            await runs.LogParamAsync(run.Id, "shared", "same");
            await runs.SetTagAsync(run.Id, "last", $"{worker}");
        })));
        var stored = await runs.GetAsync(run.Id);
        Assert.Equal(40, (await runs.GetMetricHistoryAsync(run.Id, "loss")).Count);
        Assert.Equal((74.0, 74L), (stored.Metrics["loss"].Value, stored.Metrics["loss"].Step));
        Assert.Equal(9, stored.Params.Count);
        Assert.Single(stored.Tags);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Concurrent_registrations_get_distinct_consecutive_versions(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var package = Packages.Write(test.Home.File("p.kiln"));
        var second = await test.ReopenAsync();
        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? test.Store : second).Registry.RegisterAsync("churn", NewModelVersion.FromFile(package)))));
        Assert.Equal(Enumerable.Range(1, 8), versions.Select(v => v.Version).Order());
        Assert.Equal(8, (await test.Store.Registry.GetModelAsync("churn")).LatestVersion);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Two_processes_creating_one_experiment_end_with_one(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var second = await test.ReopenAsync();
        var experiments = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            (i % 2 == 0 ? test.Store : second).Experiments.GetOrCreateAsync("shared"))));
        Assert.Single(experiments.Select(e => e.Id).Distinct());
        Assert.Equal(2, (await test.Store.Experiments.ListAsync()).Count);
    }
}
