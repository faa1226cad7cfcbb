namespace Kiln.Tracking.Tests;

public class ModelDeploymentTests
{
    static async Task<ModelRegistry> ModelWithAliasesAsync(TestStore test)
    {
        var registry = test.Store.Registry;
        var package = Packages.Write(test.Home.File("p.kiln"));
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["champion"] });
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["challenger"] });
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(package) with { Aliases = ["candidate"] });
        return registry;
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task A_deployment_is_set_read_replaced_and_removed(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = await ModelWithAliasesAsync(test);
        Assert.Null(await registry.GetDeploymentAsync("churn"));

        await registry.SetDeploymentAsync("churn", new ModelDeployment("champion", "challenger", 10, "candidate"));
        Assert.Equal(new ModelDeployment("champion", "challenger", 10, "candidate"), await registry.GetDeploymentAsync("churn"));

        await registry.SetDeploymentAsync("churn", new ModelDeployment("challenger"));
        Assert.Equal(new ModelDeployment("challenger"), await registry.GetDeploymentAsync("churn"));
        Assert.Equal(new ModelDeployment("challenger"), (await registry.ListDeploymentsAsync())["churn"]);

        await registry.DeleteDeploymentAsync("churn");
        Assert.Null(await registry.GetDeploymentAsync("churn"));
        var again = await Assert.ThrowsAsync<TrackingException>(() => registry.DeleteDeploymentAsync("churn"));
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, again.Code);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task A_bad_deployment_is_refused_with_the_parameter_named_and_the_old_one_kept(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = await ModelWithAliasesAsync(test);
        var kept = new ModelDeployment("champion", "challenger", 5);
        await registry.SetDeploymentAsync("churn", kept);

        async Task<string> Refused(ModelDeployment deployment, TrackingErrorCode code)
        {
            var error = await Assert.ThrowsAsync<TrackingException>(() => registry.SetDeploymentAsync("churn", deployment));
            Assert.Equal(code, error.Code);
            return error.Message;
        }

        Assert.Contains("primary alias 'gone' is not an alias of 'churn'; its aliases: candidate, challenger, champion",
            await Refused(new ModelDeployment("gone"), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("canary alias 'gone'", await Refused(new ModelDeployment("champion", "gone", 10), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("shadow alias 'gone'", await Refused(new ModelDeployment("champion", ShadowAlias: "gone"), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("canary weight 0 % is outside 1–99 %", await Refused(new ModelDeployment("champion", "challenger", 0), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("canary weight 100 %", await Refused(new ModelDeployment("champion", "challenger", 100), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("without a canary alias", await Refused(new ModelDeployment("champion", null, 10), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("canary alias 'champion' is the primary alias too", await Refused(new ModelDeployment("champion", "champion", 10), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("shadow alias 'champion' is the primary alias too", await Refused(new ModelDeployment("champion", ShadowAlias: "champion"), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("primary alias is missing", await Refused(new ModelDeployment(" "), TrackingErrorCode.InvalidParameterValue));
        Assert.Contains("invalid canary alias 'a b'", await Refused(new ModelDeployment("champion", "a b", 10), TrackingErrorCode.InvalidParameterValue));

        Assert.Equal(kept, await registry.GetDeploymentAsync("churn"));
        var missing = await Assert.ThrowsAsync<TrackingException>(() => registry.SetDeploymentAsync("fraud", new ModelDeployment("champion")));
        Assert.Contains("no registered model is named 'fraud'", missing.Message);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Deleting_a_model_deletes_its_deployment(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var registry = await ModelWithAliasesAsync(test);
        await registry.SetDeploymentAsync("churn", new ModelDeployment("champion", ShadowAlias: "challenger"));

        await registry.DeleteModelAsync("churn");
        Assert.Empty(await registry.ListDeploymentsAsync());
        // a model registered again under the name starts without one
        await registry.RegisterAsync("churn", NewModelVersion.FromFile(Packages.Write(test.Home.File("q.kiln"))) with { Aliases = ["champion"] });
        Assert.Null(await registry.GetDeploymentAsync("churn"));
    }
}
