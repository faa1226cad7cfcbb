using Kiln.Data;
using Kiln.Serving.Monitoring;
using Kiln.Testing;

namespace Kiln.Serving.Tests.Monitoring;

public sealed class ReferenceProfileBuilderTests
{
    internal static Frame Training(int rows, double shift = 0, string[]? cities = null, int seed = 1)
    {
        var random = new Random(seed);
        cities ??= ["Lyon", "Paris", "Oslo"];
        var age = new double[rows];
        var income = new double[rows];
        var city = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            age[i] = 40 + shift + 10 * Normal(random);
            income[i] = 3000 + 500 * Normal(random);
            city[i] = cities[random.Next(cities.Length)];
        }
        return new Frame(new Float64Column("age", age), new Float64Column("income", income), new StringColumn("city", city));
    }

    static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    internal static ReferenceProfile Profile(Frame features)
    {
        var labels = new StringColumn("churn", [.. Enumerable.Range(0, features.RowCount).Select(i => i % 3 == 0 ? "yes" : "no")]);
        var predictions = new StringColumn("prediction", [.. Enumerable.Range(0, features.RowCount).Select(i => i % 4 == 0 ? "yes" : "no")]);
        return ReferenceProfileBuilder.Build(features, predictions, labels, "churn", ReferenceProfile.Classification, "abc", seed: 7, sampleSize: 500);
    }

    [Fact]
    public void Numeric_features_get_decile_bins_that_count_every_row_and_a_capped_sample()
    {
        var profile = Profile(Training(3000));

        var age = profile.Features.Single(f => f.Name == "age");
        Assert.Equal(FeatureKind.Numeric, age.Kind);
        Assert.Equal(9, age.Edges!.Length);
        Assert.Equal(3000, age.Counts!.Sum());
        Assert.All(age.Counts!, count => Assert.InRange(count, 290, 310));
        Assert.Equal(500, age.Sample!.Length);
    }

    [Fact]
    public void Categorical_features_count_each_category_and_the_missing_apart()
    {
        var features = new Frame(new StringColumn("city", ["Lyon", "Lyon", null, "Oslo"]));
        var profile = ReferenceProfileBuilder.Build(features, new Float64Column("p", [1.0, 2, 3, 4]), null, "price", ReferenceProfile.Regression);

        var city = Assert.Single(profile.Features);
        Assert.Equal(FeatureKind.Categorical, city.Kind);
        Assert.Equal(new Dictionary<string, long> { ["Lyon"] = 2, ["Oslo"] = 1 }, city.Categories);
        Assert.Equal(1, city.Missing);
        Assert.Equal(FeatureKind.Numeric, profile.Predictions.Kind);
    }

    [Fact]
    public void A_classifier_profile_keeps_the_predicted_classes_the_labels_and_the_training_accuracy()
    {
        var profile = Profile(Training(120));

        Assert.Equal(new Dictionary<string, long> { ["no"] = 90, ["yes"] = 30 }, profile.Predictions.Categories);
        Assert.Equal(new Dictionary<string, long> { ["no"] = 80, ["yes"] = 40 }, profile.Labels!.Categories);
        // rows 0, 12, 24, … are "yes" in both; the rest agree when neither is a multiple of 3 or 4
        var right = Enumerable.Range(0, 120).Count(i => (i % 3 == 0) == (i % 4 == 0));
        Assert.Equal(right / 120.0, profile.TrainingAccuracy!.Value, 12);
    }

    [Fact]
    public void A_profile_survives_saving_and_loading()
    {
        using var folder = new TemporaryFolder();
        var profile = Profile(Training(200));
        var path = ReferenceProfile.PathBeside(Path.Combine(folder.Path, "churn.kiln"));

        profile.Save(path);
        var loaded = ReferenceProfile.Load(path);

        Assert.Equal(Path.Combine(folder.Path, "churn.reference.json"), path);
        Assert.Equal(profile.Features.Select(f => f.Edges), loaded.Features.Select(f => f.Edges));
        Assert.Equal(profile.Features[0].Sample, loaded.Features[0].Sample);
        Assert.Equal(profile.Features[2].Categories, loaded.Features[2].Categories);
        Assert.Equal(profile.TrainingAccuracy, loaded.TrainingAccuracy);
    }

    [Fact]
    public void Loading_a_damaged_profile_names_the_file()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "bad.reference.json");
        File.WriteAllText(path, "{\"task\": ");

        var error = Assert.Throws<InvalidDataException>(() => ReferenceProfile.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_value_on_a_bin_edge_falls_in_the_bin_above_it()
    {
        var reference = new FeatureReference("x", FeatureKind.Numeric, 0, 0, [1.0, 2.0, 2.0, 3.0], new long[5]);

        Assert.Equal(0, reference.BinOf(0.5));
        Assert.Equal(1, reference.BinOf(1.0));
        Assert.Equal(3, reference.BinOf(2.0));
        Assert.Equal(4, reference.BinOf(9.0));
    }
}
