namespace Kiln.Tracking.Tests;

public class RunRecorderTests
{
    [Fact]
    public async Task A_recorded_run_has_its_params_metrics_and_package()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        var package = Packages.Write(test.Home.File("churn.kiln"));
        string id;
        await using (var run = await RunRecorder.StartAsync(test.Store, "churn", new RunStart { Name = "train", Seed = 7 }))
        {
            id = run.RunId;
            await run.LogParamsAsync(new Dictionary<string, string> { ["model"] = "standard-scaler" });
            await run.LogMetricsAsync(new Dictionary<string, double> { ["accuracy"] = 0.9 }, step: 3);
            Assert.Equal("model/churn.kiln", await run.LogModelPackageAsync(package));
            await run.FinishAsync();
        }
        var stored = await test.Store.Runs.GetAsync(id);
        Assert.Equal((RunStatus.Finished, "standard-scaler", 0.9, 3L), (stored.Status, stored.Params["model"], stored.Metrics["accuracy"].Value, stored.Metrics["accuracy"].Step));
        Assert.Equal("model/churn.kiln", stored.Tags[RunRecorder.PackageTag]);
        Assert.Equal(await RunRecorder.Sha256Async(package), stored.Tags[RunRecorder.PackageHashTag]);
        Assert.Equal("churn", (await test.Store.Experiments.GetAsync(stored.ExperimentId)).Name);
    }

    [Fact]
    public async Task A_run_left_unfinished_is_marked_failed()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        string id;
        await using (var run = await RunRecorder.StartAsync(test.Store, null, new RunStart()))
            id = run.RunId;
        var stored = await test.Store.Runs.GetAsync(id);
        Assert.Equal(RunStatus.Failed, stored.Status);
        Assert.Equal(Experiment.DefaultId, stored.ExperimentId);
        Assert.NotNull(stored.EndTime);
    }

    [Fact]
    public async Task Logging_something_that_is_not_a_package_as_the_model_is_refused()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        File.WriteAllText(test.Home.File("x.kiln"), "text");
        await using var run = await RunRecorder.StartAsync(test.Store, null, new RunStart());
        var error = await Assert.ThrowsAsync<TrackingException>(() => run.LogModelPackageAsync(test.Home.File("x.kiln")));
        Assert.Contains("not a Kiln model package", error.Message);
        Assert.Empty(await test.Store.Runs.ListArtifactsAsync(run.RunId));
    }

    [Fact]
    public void Parameter_values_are_written_in_invariant_form()
    {
        Assert.Equal(["0.5", "true", "12", "", "text", "[1,2]"],
            new object?[] { 0.5, true, 12L, null, "text", new[] { 1, 2 } }.Select(RunRecorder.FormatValue));
    }
}
