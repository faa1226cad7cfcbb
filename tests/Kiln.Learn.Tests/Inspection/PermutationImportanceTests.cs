using System.Text.Json.Nodes;
using Kiln.Data;
using Kiln.Learn.Inspection;
using Kiln.Learn.Linear;
using Kiln.Learn.Training;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Tests.Inspection;

public class PermutationImportanceTests
{
    /// <summary>y = 3·signal + 0.5·weak + noise; 'ignored' plays no part in y.</summary>
    static Frame Table(int rows, int seed)
    {
        var random = new Random(seed);
        var (signal, weak, ignored, y) = (new double[rows], new double[rows], new double[rows], new double[rows]);
        for (var i = 0; i < rows; i++)
        {
            signal[i] = random.NextDouble() * 2 - 1;
            weak[i] = random.NextDouble() * 2 - 1;
            ignored[i] = random.NextDouble() * 2 - 1;
            y[i] = 3 * signal[i] + 0.5 * weak[i] + 0.2 * (random.NextDouble() - 0.5);
        }
        return new Frame(new Float64Column("signal", signal), new Float64Column("weak", weak), new Float64Column("ignored", ignored), new Float64Column("y", y));
    }

    static ColumnImportance Named(PermutationImportanceResult result, string column) => result.Columns.Single(c => c.Column == column);

    [Fact]
    public void A_column_the_target_ignores_scores_about_zero_and_a_decisive_one_a_large_drop()
    {
        var table = Table(400, 1);
        var model = new LinearRegression().Fit(table.Drop("y"), table["y"]);
        var result = PermutationImportance.Compute(model, table, "y", new PermutationOptions { Repeats = 10, Seed = 3 });

        Assert.Equal("r2", result.Scoring);
        Assert.Equal(["signal", "weak", "ignored"], result.Columns.Select(c => c.Column));
        var ignored = Named(result, "ignored");
        Assert.True(Math.Abs(ignored.Mean) <= Math.Max(2 * ignored.StandardDeviation, 1e-3), $"ignored: {ignored.Mean} ± {ignored.StandardDeviation}");
        Assert.InRange(Named(result, "signal").Mean, 1.5, 2.5);
        Assert.Equal(["signal", "weak", "ignored"], result.Ranked.Select(c => c.Column));
        Assert.All(result.Columns, c => Assert.Equal(10, c.Drops.Count));
    }

    [Fact]
    public void The_same_seed_gives_the_same_importances_and_another_seed_other_drops()
    {
        var table = Table(200, 2);
        var model = new DecisionTreeRegressor { MaxDepth = 5 }.Fit(table.Drop("y"), table["y"]);
        var first = PermutationImportance.Compute(model, table, "y", new PermutationOptions { Seed = 7 });
        var again = PermutationImportance.Compute(model, table, "y", new PermutationOptions { Seed = 7 });
        var other = PermutationImportance.Compute(model, table, "y", new PermutationOptions { Seed = 8 });
        for (var c = 0; c < first.Columns.Count; c++)
            Assert.Equal(first.Columns[c].Drops, again.Columns[c].Drops);
        Assert.NotEqual(first.Columns[0].Drops, other.Columns[0].Drops);
    }

    [Fact]
    public void A_named_score_is_used_and_errors_are_negated_so_a_drop_is_still_positive()
    {
        var table = Table(300, 3);
        var model = new LinearRegression().Fit(table.Drop("y"), table["y"]);
        var result = PermutationImportance.Compute(model, table, "y", new PermutationOptions { Scoring = "neg_mean_absolute_error" });
        Assert.Equal("neg_mean_absolute_error", result.Scoring);
        Assert.True(result.BaselineScore < 0);
        Assert.True(Named(result, "signal").Mean > 1);
    }

    [Fact]
    public void Compute_rejects_a_score_of_the_wrong_kind_naming_both_kinds()
    {
        var table = Table(50, 4);
        var model = new LinearRegression().Fit(table.Drop("y"), table["y"]);
        var error = Assert.Throws<ArgumentException>(() => PermutationImportance.Compute(model, table, "y", new PermutationOptions { Scoring = "accuracy" }));
        Assert.Contains("scores a classifier, and this model is a regressor", error.Message);
    }

    [Fact]
    public void Compute_names_a_missing_target_and_missing_input_columns()
    {
        var table = Table(50, 5);
        var model = new LinearRegression().Fit(table.Drop("y"), table["y"]);
        Assert.Contains("'price'", Assert.Throws<ArgumentException>(() => PermutationImportance.Compute(model, table, "price")).Message);
        Assert.Contains("'weak'", Assert.Throws<ArgumentException>(() => PermutationImportance.Compute(model, table.Drop("weak"), "y")).Message);
    }

    [Fact]
    public void Max_rows_measures_on_a_sample_of_that_many_rows()
    {
        var table = Table(500, 6);
        var model = new LinearRegression().Fit(table.Drop("y"), table["y"]);
        var result = PermutationImportance.Compute(model, table, "y", new PermutationOptions { MaxRows = 120, Repeats = 2 });
        Assert.Equal(120, result.Rows);
        Assert.True(Named(result, "signal").Mean > 1);
    }

    [Fact]
    public void A_cancelled_token_stops_the_work()
    {
        var table = Table(100, 7);
        var model = new LinearRegression().Fit(table.Drop("y"), table["y"]);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PermutationImportance.Compute(model, table, "y", cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Progress_counts_every_shuffle()
    {
        var table = Table(100, 8);
        var model = new LinearRegression().Fit(table.Drop("y"), table["y"]);
        var reports = new List<FitProgress>();
        var progress = new ProgressRecorder(reports);
        PermutationImportance.Compute(model, table, "y", new PermutationOptions { Repeats = 4 }, progress);
        Assert.Equal(12, reports.Max(r => r.Done));
        Assert.All(reports, r => Assert.Equal(12, r.Total));
    }

    [Fact]
    public void A_trained_package_is_explained_in_its_raw_columns_text_ones_included()
    {
        var random = new Random(9);
        var rows = 300;
        var (plan, tenure, noise, churn) = (new string[rows], new double[rows], new double[rows], new string[rows]);
        for (var i = 0; i < rows; i++)
        {
            plan[i] = random.Next(3) switch { 0 => "monthly", 1 => "yearly", _ => "two-year" };
            tenure[i] = random.Next(1, 72);
            noise[i] = random.NextDouble();
            churn[i] = plan[i] == "monthly" && random.NextDouble() < 0.8 ? "yes" : "no";
        }
        var table = new Frame(new StringColumn("plan", plan), new Float64Column("tenure", tenure), new Float64Column("noise", noise), new StringColumn("churn", churn));
        var package = ModelTraining.Train(table, "churn.csv", "churn", "decision-tree-classifier", new Dictionary<string, object?> { ["max-depth"] = "3" }).Model;
        var result = PermutationImportance.Compute(package, table, "churn", new PermutationOptions { Repeats = 5 });
        Assert.Equal("accuracy", result.Scoring);
        Assert.Equal("plan", result.Ranked[0].Column);
        Assert.True(result.Ranked[0].Mean > 0.2);
    }

    public static TheoryData<string> ScikitLearnModels() => [.. Fixture().Select(c => c!["name"]!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(ScikitLearnModels))]
    public void Importances_agree_with_scikit_learn_in_ranking_and_within_the_shuffle_noise(string name)
    {
        var expected = Fixture().Single(c => c!["name"]!.GetValue<string>() == name)!;
        var frame = ScikitLearnFixtures.Csv(expected["dataset"]!.GetValue<string>());
        var parameters = expected["parameters"]!.AsObject().ToDictionary(p => p.Key, p => (object?)p.Value!.ToJsonString());
        var model = EstimatorCatalog.Create(expected["estimator"]!.GetValue<string>(), parameters).Fit(frame.Drop("target"), frame["target"]);
        var repeats = expected["repeats"]!.GetValue<int>();
        var result = PermutationImportance.Compute(model, frame, "target",
            new PermutationOptions { Repeats = repeats, Scoring = expected["scoring"]!.GetValue<string>(), Seed = 0 });

        Assert.Equal(expected["baseline"]!.GetValue<double>(), result.BaselineScore, 1e-6);
        var means = ScikitLearnFixtures.Doubles(expected["mean"]!);
        var deviations = ScikitLearnFixtures.Doubles(expected["std"]!);
        for (var f = 0; f < means.Length; f++)
        {
            // two independent means of `repeats` shuffles differ by about σ·√(2/repeats); four of those is the bound
            var allowed = 4 * Math.Max(deviations[f], result.Columns[f].StandardDeviation) * Math.Sqrt(2.0 / repeats) + 2e-3;
            Assert.True(Math.Abs(result.Columns[f].Mean - means[f]) <= allowed,
                $"{name}, feature {f}: scikit-learn {means[f]:G4}, Kiln {result.Columns[f].Mean:G4}, allowed ±{allowed:G3}");
            for (var g = 0; g < means.Length; g++)
                if (means[f] - means[g] > 3 * (deviations[f] + deviations[g]))
                    Assert.True(result.Columns[f].Mean > result.Columns[g].Mean, $"{name}: feature {f} should rank above feature {g}");
        }
    }

    static JsonArray Fixture() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ScikitLearnFixtures.Folder, "inspection-expected.json")))!["models"]!.AsArray();
}
