using Kiln.Data;
using Kiln.Learn.Training;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;

namespace Kiln.Serving.Tests.Monitoring;

public class TrainingReferenceTests
{
    /// <summary>Customers with an id the preprocessing leaves out, usage written as text numbers, a plan and whether they churned.</summary>
    static Frame Customers(int rows) => new(
        new StringColumn("id", [.. Enumerable.Range(0, rows).Select(i => $"c-{i:D4}")]),
        new StringColumn("usage", [.. Enumerable.Range(0, rows).Select(i => (i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        new StringColumn("plan", [.. Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "basic" : "pro")]),
        new StringColumn("churn", [.. Enumerable.Range(0, rows).Select(i => i % 50 < 20 ? "yes" : "no")]));

    [Fact]
    public void The_reference_profiles_only_the_columns_the_model_uses_with_numbers_stored_as_text_as_numbers()
    {
        var table = Customers(200);
        var trained = ModelTraining.Train(table, "customers.csv", "churn", "decision-tree-classifier", seed: 1);

        var reference = TrainingReference.Build(table, trained.Model, "churn", trained.Columns, "abc", 1)!;

        Assert.Equal(("churn", ReferenceProfile.Classification, "abc"), (reference.Target, reference.Task, reference.Fingerprint));
        Assert.Equal(["usage", "plan"], reference.Features.Select(f => f.Name));
        Assert.Equal(FeatureKind.Numeric, reference.Features[0].Kind);
        Assert.Equal(FeatureKind.Categorical, reference.Features[1].Kind);
        Assert.Equal(1.0, reference.TrainingAccuracy);
    }

    [Fact]
    public void A_regressor_gets_a_regression_reference_and_a_table_without_the_target_gets_none()
    {
        var table = new Frame(new Float64Column("x", [.. Enumerable.Range(0, 50).Select(i => (double)i)]),
            new Float64Column("price", [.. Enumerable.Range(0, 50).Select(i => 3.0 * i + 1)]));
        var trained = ModelTraining.Train(table, "prices.csv", "price", "ridge");

        Assert.Equal(ReferenceProfile.Regression, TrainingReference.Build(table, trained.Model, "price", trained.Columns, null, 0)!.Task);
        Assert.Null(TrainingReference.Build(table.Drop("price"), trained.Model, "price", trained.Columns, null, 0));
    }

    [Fact]
    public async Task A_logged_reference_is_found_through_the_version_registered_from_the_run()
    {
        using var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        var table = Customers(100);
        var trained = ModelTraining.Train(table, "customers.csv", "churn", "decision-tree-classifier", seed: 1);
        var package = models.Folder.File("churn.kiln");
        Kiln.Learn.ModelPackage.Save(trained.Model, package);
        var saved = ReferenceProfile.PathBeside(package);
        TrainingReference.Build(table, trained.Model, "churn", trained.Columns, null, 1)!.Save(saved);

        await using var run = await RunRecorder.StartAsync(store, "customers", new RunStart { Name = "train" });
        var artifact = await TrainingReference.LogAsync(run, saved);
        var packageArtifact = await run.LogModelPackageAsync(package);
        await run.FinishAsync();
        File.Delete(saved);
        await store.Registry.RegisterAsync("churn", NewModelVersion.FromRun(run.RunId, packageArtifact));

        var (profile, source) = await ReferenceLocator.FindAsync(store, "churn", 1);

        Assert.Equal("monitoring/churn.reference.json", artifact);
        Assert.Equal($"runs:/{run.RunId}/{artifact}", source);
        Assert.Equal(["usage", "plan"], profile!.Features.Select(f => f.Name));
    }
}
