using Kiln.Data;
using Kiln.Tracking;

namespace Kiln.Serving.Tests;

public class ModelHostTests
{
    static readonly Frame Five = new(new Float64Column("x", [5]), new Float64Column("y", [0]));

    [Fact]
    public async Task Nothing_is_served_before_the_first_load()
    {
        using var models = new ServingModels();
        var host = new ModelHost((await models.OpenStoreAsync()).Registry);
        Assert.False(host.IsReady);
        await Assert.ThrowsAsync<ModelNotServedException>(async () => await host.ResolveAsync(ModelReference.Parse("churn")));
        await host.RefreshAsync();
        Assert.True(host.IsReady);
        Assert.Empty(host.Models);
    }

    [Fact]
    public async Task A_bare_name_answers_with_the_champion_and_an_alias_or_version_with_its_own()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await models.RegisterTreeAsync(store, "churn", 0, "champion");
        await models.RegisterTreeAsync(store, "churn", 10, "challenger");
        var host = await LoadedHostAsync(store);

        Assert.Equal(1, (await host.ResolveAsync(ModelReference.Parse("churn"))).Version);
        Assert.Equal(2, (await host.ResolveAsync(ModelReference.Parse("churn@challenger"))).Version);
        Assert.Equal(2, (await host.ResolveAsync(ModelReference.Parse("churn/2"))).Version);
        Assert.Equal("high", (await host.ResolveAsync(ModelReference.Parse("churn"))).Predict(Five).Predictions.Format(0));
        Assert.Equal("low", (await host.ResolveAsync(ModelReference.Parse("churn@challenger"))).Predict(Five).Predictions.Format(0));
    }

    [Fact]
    public async Task An_unknown_model_alias_or_version_is_not_served()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await models.RegisterTreeAsync(store, "churn", 0);
        var host = await LoadedHostAsync(store);
        Assert.Contains("no served model is named 'fraud'", (await Assert.ThrowsAsync<ModelNotServedException>(async () => await host.ResolveAsync(ModelReference.Parse("fraud")))).Message);
        Assert.Contains("no alias 'champion'", (await Assert.ThrowsAsync<ModelNotServedException>(async () => await host.ResolveAsync(ModelReference.Parse("churn@champion")))).Message);
        Assert.Contains("no version 9", (await Assert.ThrowsAsync<ModelNotServedException>(async () => await host.ResolveAsync(ModelReference.Parse("churn/9")))).Message);
    }

    [Fact]
    public async Task Moving_an_alias_swaps_the_served_version_while_a_resolved_one_keeps_answering()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await models.RegisterTreeAsync(store, "churn", 0, "champion");
        await models.RegisterTreeAsync(store, "churn", 10);
        var host = new ModelHost(store.Registry, new ModelHostOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
        using var stop = new CancellationTokenSource();
        var running = host.RunAsync(stop.Token);
        await WaitUntilAsync(() => host.IsReady);
        var inFlight = await host.ResolveAsync(ModelReference.Parse("churn@champion"));

        await store.Registry.SetAliasAsync("churn", "champion", 2);
        await WaitUntilAsync(() => host.Models.Single().Aliases["champion"] == 2);

        Assert.Equal(2, (await host.ResolveAsync(ModelReference.Parse("churn@champion"))).Version);
        Assert.Equal("high", inFlight.Predict(Five).Predictions.Format(0));
        stop.Cancel();
        await running;
    }

    [Fact]
    public async Task A_transformer_is_not_served_and_the_reason_is_kept()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await store.Registry.RegisterAsync("scaler", new NewModelVersion { PackageFile = models.Scaler("s.kiln") });
        var host = await LoadedHostAsync(store);
        Assert.Empty(host.Models);
        Assert.Contains("predicts nothing", host.Failures["scaler/1"]);
    }

    [Fact]
    public async Task Classifier_predictions_carry_probabilities_and_confidence()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await models.RegisterTreeAsync(store, "churn", 0);
        var host = await LoadedHostAsync(store);
        var batch = (await host.ResolveAsync(ModelReference.Parse("churn"))).Predict(Five);
        Assert.Equal(["high", "low"], batch.Classes);
        Assert.Equal(1.0, batch.Confidence(0));
    }

    [Fact]
    public async Task Batched_single_rows_get_the_same_answers_as_rows_predicted_alone()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await models.RegisterTreeAsync(store, "churn", 0);
        var host = await LoadedHostAsync(store);
        var model = await host.ResolveAsync(ModelReference.Parse("churn"));
        var rows = Enumerable.Range(-50, 100).Select(x => new Frame(new Float64Column("x", [x + 0.5]), new Float64Column("y", [0]))).ToList();
        var batched = await Task.WhenAll(rows.Select(row => Task.Run(() => model.PredictAsync(row))));
        for (var i = 0; i < rows.Count; i++)
        {
            var alone = model.Predict(rows[i]);
            Assert.Equal(alone.Predictions.Format(0), batched[i].Predictions.Format(0));
            Assert.Equal(alone.Probabilities, batched[i].Probabilities);
        }
    }

    [Fact]
    public async Task A_version_registered_after_a_request_named_it_is_served_once_it_exists()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await models.RegisterTreeAsync(store, "churn", 0);
        var host = await LoadedHostAsync(store);
        await Assert.ThrowsAsync<ModelNotServedException>(async () => await host.ResolveAsync(ModelReference.Parse("churn/2")));
        await models.RegisterTreeAsync(store, "churn", 10);
        Assert.Equal(2, (await host.ResolveAsync(ModelReference.Parse("churn/2"))).Version);
    }

    [Fact]
    public async Task A_transformer_named_by_version_is_not_served()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        await models.RegisterTreeAsync(store, "churn", 0, "champion");
        await store.Registry.RegisterAsync("churn", new NewModelVersion { PackageFile = models.Scaler("s.kiln") });
        var host = await LoadedHostAsync(store);
        Assert.Contains("predicts nothing", (await Assert.ThrowsAsync<ModelNotServedException>(async () => await host.ResolveAsync(ModelReference.Parse("churn/2")))).Message);
    }

    static async Task<ModelHost> LoadedHostAsync(TrackingStore store)
    {
        var host = new ModelHost(store.Registry);
        await host.RefreshAsync();
        return host;
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not come true within 20 s");
            await Task.Delay(20);
        }
    }
}
