namespace Kiln.Tracking.Tests;

public class ModelRegistryTests
{
    static async Task<(Run Run, string Artifact)> TrainedRunAsync(TestStore test, double scale = 1)
    {
        await using var run = await RunRecorder.StartAsync(test.Store, null, new RunStart());
        var artifact = await run.LogModelPackageAsync(Packages.Write(test.Home.File($"m{scale}.kiln"), scale));
        await run.FinishAsync();
        return (await test.Store.Runs.GetAsync(run.RunId), artifact);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Versions_are_numbered_per_model_from_a_runs_package(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = test.Store.Registry;
        var (run, artifact) = await TrainedRunAsync(test);
        var first = await registry.RegisterAsync("churn", NewModelVersion.FromRun(run.Id, artifact) with { Description = "baseline" });
        var second = await registry.RegisterAsync("churn", NewModelVersion.FromRun(run.Id, artifact));
        var other = await registry.RegisterAsync("fraud", NewModelVersion.FromFile(Packages.Write(test.Home.File("f.kiln"))));

        Assert.Equal((1, 2, 1), (first.Version, second.Version, other.Version));
        Assert.Equal(ModelVersionStatus.Ready, first.Status);
        Assert.Equal(run.Id, first.RunId);
        Assert.Equal($"runs:/{run.Id}/{artifact}", first.Source);
        Assert.Equal("baseline", first.Description);
        Assert.Null(other.RunId);
        Assert.Equal(2, (await registry.GetModelAsync("churn")).LatestVersion);
        Assert.Equal(["churn", "fraud"], (await registry.ListModelsAsync()).Select(m => m.Name));
        Assert.Equal([2, 1], (await registry.ListVersionsAsync("churn")).Select(v => v.Version));
        Assert.Equal([("churn", 1), ("churn", 2)], (await registry.ListVersionsOfRunAsync(run.Id)).Select(v => (v.Name, v.Version)));

        // the registry keeps its own copy: it reads back byte for byte
        await using var copy = await registry.OpenPackageAsync("churn", 1);
        using var buffer = new MemoryStream();
        await copy.CopyToAsync(buffer);
        Assert.Equal(await File.ReadAllBytesAsync(test.Home.File("m1.kiln")), buffer.ToArray());
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task A_version_recorded_by_its_source_has_no_package_and_deleting_it_leaves_the_runs_files(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = test.Store.Registry;
        var run = await test.Store.Runs.CreateAsync(new RunStart());
        await test.Store.Runs.LogArtifactAsync(run.Id, "model/MLmodel", new MemoryStream("flavors: {}"u8.ToArray()));
        await registry.CreateModelAsync("churn");

        var version = await registry.CreateVersionAsync("churn", NewModelVersion.FromSource($"runs:/{run.Id}/model", run.Id));
        Assert.Equal((1, $"runs:/{run.Id}/model", run.Id, "", ModelVersionStatus.Ready),
            (version.Version, version.Source, version.RunId, version.StorageLocation, version.Status));
        var open = await Assert.ThrowsAsync<TrackingException>(() => registry.OpenPackageAsync("churn", 1));
        Assert.Equal(TrackingErrorCode.InvalidState, open.Code);
        Assert.Contains("not a Kiln model package", open.Message);

        await registry.DeleteVersionAsync("churn", 1);
        Assert.Single(await test.Store.Runs.ListArtifactsAsync(run.Id, "model"));
        var noRun = await Assert.ThrowsAsync<TrackingException>(() => registry.CreateVersionAsync("churn", NewModelVersion.FromSource("runs:/abc/model", "0123456789abcdef0123456789abcdef")));
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, noRun.Code);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Model_names_are_unique_and_create_version_needs_the_model(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = test.Store.Registry;
        var model = await registry.CreateModelAsync("churn", "predicts who leaves", new Dictionary<string, string> { ["team"] = "crm" });
        Assert.Equal(("predicts who leaves", "crm", (int?)null), (model.Description, model.Tags["team"], model.LatestVersion));
        Assert.Equal(TrackingErrorCode.ResourceAlreadyExists, (await Assert.ThrowsAsync<TrackingException>(() => registry.CreateModelAsync("churn"))).Code);
        var missing = await Assert.ThrowsAsync<TrackingException>(() => registry.CreateVersionAsync("nobody", NewModelVersion.FromFile(Packages.Write(test.Home.File("p.kiln")))));
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, missing.Code);
        Assert.Contains("'nobody'", missing.Message);
        Assert.Empty(await test.Store.Artifacts.ListAsync(ModelRegistry.StorageFolder));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task An_alias_names_one_version_and_moves_atomically(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = test.Store.Registry;
        var package = Packages.Write(test.Home.File("p.kiln"));
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"] });
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["challenger"] });

        Assert.Equal(1, (await registry.GetVersionByAliasAsync("churn", "champion")).Version);
        await registry.SetAliasAsync("churn", "champion", 2);
        Assert.Equal(2, (await registry.GetVersionByAliasAsync("churn", "champion")).Version);
        Assert.Equal(2, (await registry.GetVersionByAliasAsync("churn", "latest")).Version);
        var model = await registry.GetModelAsync("churn");
        Assert.Equal(new Dictionary<string, int> { ["champion"] = 2, ["challenger"] = 2 }, model.Aliases);
        Assert.Equal(["challenger", "champion"], (await registry.GetVersionAsync("churn", 2)).Aliases);

        var noVersion = await Assert.ThrowsAsync<TrackingException>(() => registry.SetAliasAsync("churn", "champion", 9));
        Assert.Contains("no version 9", noVersion.Message);
        Assert.Equal(2, (await registry.GetVersionByAliasAsync("churn", "champion")).Version);
        await registry.DeleteAliasAsync("churn", "challenger");
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, (await Assert.ThrowsAsync<TrackingException>(() => registry.GetVersionByAliasAsync("churn", "challenger"))).Code);
    }

    [Theory]
    [InlineData("latest", "reserved")]
    [InlineData("v3", "reserved")]
    [InlineData("has space", "letters, digits")]
    [InlineData("", "missing")]
    public async Task Alias_names_follow_mlflows_rules(string alias, string message)
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        await test.Store.Registry.RegisterAsync("m", NewModelVersion.FromFile(Packages.Write(test.Home.File("p.kiln"))));
        var error = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Registry.SetAliasAsync("m", alias, 1));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Deleting_a_version_takes_its_aliases_and_copy_and_its_number_is_not_reused(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = test.Store.Registry;
        var package = Packages.Write(test.Home.File("p.kiln"));
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package));
        var second = await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"] });
        Assert.True(await test.Store.Artifacts.ExistsAsync(second.StorageLocation));

        await registry.DeleteVersionAsync("churn", 2);
        Assert.False(await test.Store.Artifacts.ExistsAsync(second.StorageLocation));
        Assert.Empty((await registry.GetModelAsync("churn")).Aliases);
        Assert.Equal(3, (await registry.RegisterAsync("churn", NewModelVersion.FromFile(package))).Version);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Deleting_a_model_removes_its_versions_tags_aliases_and_copies(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = test.Store.Registry;
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(Packages.Write(test.Home.File("p.kiln"))) with { Aliases = ["champion"], Tags = new Dictionary<string, string> { ["k"] = "v" } });
        await registry.SetModelTagAsync("churn", "team", "crm");
        await registry.DeleteModelAsync("churn");
        Assert.Empty(await registry.ListModelsAsync());
        Assert.Empty(await test.Store.Artifacts.ListAsync(ModelRegistry.StorageFolder));
        Assert.Equal(1, (await registry.RegisterAsync("churn", NewModelVersion.FromFile(test.Home.File("p.kiln")))).Version);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Descriptions_and_tags_of_models_and_versions_can_be_changed(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = test.Store.Registry;
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(Packages.Write(test.Home.File("p.kiln"))));
        await registry.UpdateModelAsync("churn", "who leaves next month");
        await registry.SetModelTagAsync("churn", "team", "crm");
        await registry.UpdateVersionAsync("churn", 1, "first cut");
        await registry.SetVersionTagAsync("churn", 1, "validated", "yes");
        await registry.SetVersionTagAsync("churn", 1, "validated", "no");
        var model = await registry.GetModelAsync("churn");
        var version = await registry.GetVersionAsync("churn", 1);
        Assert.Equal(("who leaves next month", "crm"), (model.Description, model.Tags["team"]));
        Assert.Equal(("first cut", "no"), (version.Description, version.Tags["validated"]));
        await registry.DeleteVersionTagAsync("churn", 1, "validated");
        await registry.DeleteModelTagAsync("churn", "team");
        Assert.Empty((await registry.GetVersionAsync("churn", 1)).Tags);
        Assert.Empty((await registry.GetModelAsync("churn")).Tags);
    }

    [Fact]
    public async Task A_file_that_is_not_a_model_package_is_refused_and_nothing_is_registered()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        File.WriteAllText(test.Home.File("notes.kiln"), "not a zip");
        var error = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Registry.RegisterAsync("churn", NewModelVersion.FromFile(test.Home.File("notes.kiln"))));
        Assert.Contains("not a Kiln model package", error.Message);
        Assert.Contains("notes.kiln", error.Message);
        Assert.Empty(await test.Store.Registry.ListModelsAsync());
        Assert.Empty(await test.Store.Artifacts.ListAsync(ModelRegistry.StorageFolder));
    }
}
