namespace Kiln.Tracking.Tests;

public class ExperimentStoreTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task A_new_store_has_the_default_experiment_with_id_0(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var experiment = await test.Store.Experiments.GetAsync(Experiment.DefaultId);
        Assert.Equal("Default", experiment.Name);
        Assert.Equal(LifecycleStage.Active, experiment.Lifecycle);
        var again = await test.ReopenAsync();
        Assert.Single(await again.Experiments.ListAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Experiment_names_are_unique_even_while_deleted(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var experiments = test.Store.Experiments;
        var churn = await experiments.CreateAsync("churn", new Dictionary<string, string> { ["team"] = "retention" });
        Assert.Equal("retention", (await experiments.GetByNameAsync("churn")).Tags["team"]);
        Assert.Equal(churn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), churn.ArtifactLocation);

        var duplicate = await Assert.ThrowsAsync<TrackingException>(() => experiments.CreateAsync("churn"));
        Assert.Equal(TrackingErrorCode.ResourceAlreadyExists, duplicate.Code);
        Assert.Contains("'churn'", duplicate.Message);

        await experiments.DeleteAsync(churn.Id);
        var whileDeleted = await Assert.ThrowsAsync<TrackingException>(() => experiments.CreateAsync("churn"));
        Assert.Contains("deleted state", whileDeleted.Message);
        Assert.DoesNotContain(await experiments.ListAsync(), e => e.Name == "churn");
        Assert.Single(await experiments.ListAsync(LifecycleView.DeletedOnly));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Deleting_an_experiment_deletes_its_runs_and_restoring_brings_them_back(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var experiment = await test.Store.Experiments.CreateAsync("fraud");
        var run = await test.Store.Runs.CreateAsync(new RunStart { ExperimentId = experiment.Id });

        await test.Store.Experiments.DeleteAsync(experiment.Id);
        Assert.Equal(LifecycleStage.Deleted, (await test.Store.Runs.GetAsync(run.Id)).Lifecycle);
        var refused = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Runs.CreateAsync(new RunStart { ExperimentId = experiment.Id }));
        Assert.Contains("deleted", refused.Message);

        await test.Store.Experiments.RestoreAsync(experiment.Id);
        Assert.Equal(LifecycleStage.Active, (await test.Store.Runs.GetAsync(run.Id)).Lifecycle);
    }

    [Fact]
    public async Task The_default_experiment_cannot_be_deleted()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        var error = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Experiments.DeleteAsync(Experiment.DefaultId));
        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.Code);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Renaming_frees_the_old_name_and_tags_are_overwritten(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var experiments = test.Store.Experiments;
        var first = await experiments.CreateAsync("draft");
        await experiments.RenameAsync(first.Id, "final");
        await experiments.SetTagAsync(first.Id, "owner", "ana");
        await experiments.SetTagAsync(first.Id, "owner", "ben");
        var renamed = await experiments.GetAsync(first.Id);
        Assert.Equal("final", renamed.Name);
        Assert.Equal("ben", renamed.Tags["owner"]);
        Assert.Null(await experiments.FindByNameAsync("draft"));
        Assert.NotEqual(first.Id, (await experiments.CreateAsync("draft")).Id);
    }

    [Fact]
    public async Task Unknown_experiments_are_reported_by_id_and_name()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        var byId = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Experiments.GetAsync(42));
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, byId.Code);
        Assert.Contains("42", byId.Message);
        var byName = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Experiments.GetByNameAsync("nope"));
        Assert.Contains("'nope'", byName.Message);
    }
}
