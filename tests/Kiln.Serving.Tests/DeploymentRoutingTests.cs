using Kiln.Data;
using Kiln.Tracking;

namespace Kiln.Serving.Tests;

public class DeploymentRoutingTests
{
    static readonly Frame Five = new(new Float64Column("x", [5]), new Float64Column("y", [0]));

    /// <summary>churn: version 1 (threshold 0) champion, version 2 (threshold 10) challenger, version 3 (threshold 0) candidate.</summary>
    static async Task<TrackingStore> ThreeVersionsAsync(ServingModels models)
    {
        var store = await models.OpenStoreAsync();
        await models.RegisterTreeAsync(store, "churn", 0, "champion");
        await models.RegisterTreeAsync(store, "churn", 10, "challenger");
        await models.RegisterTreeAsync(store, "churn", 0, "candidate");
        return store;
    }

    static async Task<ModelHost> LoadedHostAsync(TrackingStore store, int? seed = 7)
    {
        var host = new ModelHost(store.Registry, new ModelHostOptions { RoutingSeed = seed });
        await host.RefreshAsync();
        return host;
    }

    [Fact]
    public async Task A_canary_gets_its_weight_of_bare_name_requests_and_the_same_seed_gives_the_same_split()
    {
        using var models = new ServingModels();
        var store = await ThreeVersionsAsync(models);
        await store.Registry.SetDeploymentAsync("churn", new ModelDeployment("champion", "challenger", 10));

        async Task<List<(int, ServingRole?)>> SplitAsync()
        {
            var host = await LoadedHostAsync(store);
            var routes = new List<(int, ServingRole?)>();
            for (var i = 0; i < 2000; i++)
            {
                var route = await host.RouteAsync(ModelReference.Parse("churn"));
                routes.Add((route.Served.Version, route.Role));
            }
            return routes;
        }

        var first = await SplitAsync();
        var canary = first.Count(r => r == (2, ServingRole.Canary));
        Assert.Equal(first.Count, canary + first.Count(r => r == (1, ServingRole.Primary)));
        // binomial(2000, 0.1): 200 ± 13.4; ±4 standard deviations
        Assert.InRange(canary, 146, 254);
        Assert.Equal(first, await SplitAsync());
    }

    [Fact]
    public async Task An_alias_or_a_version_bypasses_the_deployment()
    {
        using var models = new ServingModels();
        var store = await ThreeVersionsAsync(models);
        await store.Registry.SetDeploymentAsync("churn", new ModelDeployment("challenger", ShadowAlias: "candidate"));
        var host = await LoadedHostAsync(store);

        Assert.Equal((2, ServingRole.Primary, 3), Describe(await host.RouteAsync(ModelReference.Parse("churn"))));
        Assert.Equal((1, null, null), Describe(await host.RouteAsync(ModelReference.Parse("churn@champion"))));
        Assert.Equal((3, null, null), Describe(await host.RouteAsync(ModelReference.Parse("churn/3"))));
        Assert.Equal(2, host.Models.Single().DefaultVersion);
    }

    [Fact]
    public async Task Without_a_deployment_or_with_its_primary_alias_gone_the_bare_name_serves_the_champion()
    {
        using var models = new ServingModels();
        var store = await ThreeVersionsAsync(models);
        var host = await LoadedHostAsync(store);
        Assert.Equal((1, null, null), Describe(await host.RouteAsync(ModelReference.Parse("churn"))));

        await store.Registry.SetDeploymentAsync("churn", new ModelDeployment("candidate", "challenger", 50));
        await store.Registry.DeleteAliasAsync("churn", "candidate");
        await host.RefreshAsync();
        Assert.Null(host.Models.Single().Deployment);
        Assert.Equal((1, null, null), Describe(await host.RouteAsync(ModelReference.Parse("churn"))));
    }

    [Fact]
    public async Task The_deployment_follows_the_registry_at_each_refresh()
    {
        using var models = new ServingModels();
        var store = await ThreeVersionsAsync(models);
        await store.Registry.SetDeploymentAsync("churn", new ModelDeployment("champion"));
        var host = await LoadedHostAsync(store);
        Assert.Equal(1, (await host.RouteAsync(ModelReference.Parse("churn"))).Served.Version);

        await store.Registry.SetDeploymentAsync("churn", new ModelDeployment("challenger"));
        Assert.Equal(1, (await host.RouteAsync(ModelReference.Parse("churn"))).Served.Version);
        await host.RefreshAsync();
        Assert.Equal(2, (await host.RouteAsync(ModelReference.Parse("churn"))).Served.Version);
        // moving the primary's alias moves the traffic with it
        await store.Registry.SetAliasAsync("churn", "challenger", 3);
        await host.RefreshAsync();
        Assert.Equal(3, (await host.RouteAsync(ModelReference.Parse("churn"))).Served.Version);
    }

    [Fact]
    public async Task A_shadow_predicts_answered_rows_in_the_background_and_publishes_them_marked_with_the_agreement()
    {
        using var models = new ServingModels();
        var store = await ThreeVersionsAsync(models);
        var host = await LoadedHostAsync(store);
        var collected = new List<ServedPrediction>();
        var feed = new PredictionFeed([new Collecting(collected)]);
        var shadows = new ShadowTraffic(feed);
        using var stop = new CancellationTokenSource();
        var running = Task.WhenAll(feed.RunAsync(stop.Token), shadows.RunAsync(stop.Token));

        var primary = await host.ResolveAsync(ModelReference.Parse("churn@champion"));
        var shadow = await host.ResolveAsync(ModelReference.Parse("churn@challenger"));
        var rows = new Frame(new Float64Column("x", [-5, 5, 15]), new Float64Column("y", [0, 0, 0]));
        var answered = new ServedPrediction(ServedPrediction.NewId(), "churn", 1, null, DateTimeOffset.UtcNow, TimeSpan.Zero, rows, primary.Predict(rows)) { Role = ServingRole.Primary };
        shadows.Offer(shadow, answered);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (shadows.Predicted == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        await stop.CancelAsync();
        await running;
        var logged = Assert.Single(collected);
        Assert.Equal((2, ServingRole.Shadow, answered.Id), (logged.Version, logged.Role, logged.ServedId));
        // champion answers low, high, high; the challenger low, low, high
        Assert.Equal(2, logged.AgreedRows);
        Assert.Equal(["low", "low", "high"], Enumerable.Range(0, 3).Select(logged.Outputs.Predictions.Format));
    }

    static (int, ServingRole?, int?) Describe(ModelRoute route) => (route.Served.Version, route.Role, route.Shadow?.Version);

    sealed class Collecting(List<ServedPrediction> into) : IPredictionListener
    {
        public ValueTask OnPredictionAsync(ServedPrediction prediction, CancellationToken cancellationToken)
        {
            lock (into) into.Add(prediction);
            return ValueTask.CompletedTask;
        }
    }
}
