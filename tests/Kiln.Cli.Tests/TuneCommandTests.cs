using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class TuneCommandTests
{
    [Fact]
    public void A_grid_search_saves_the_best_model_checks_the_reloaded_package_and_writes_the_report()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(200));
        var package = folder.File("tuned.kiln");

        var run = CliRun.Of("tune", data, "--target", "churn", "--model", "knn-classifier", "--search", "grid", "--space", "n-neighbors=1,5,25",
            "--cv", "3", "--out", package, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("grid", root.GetProperty("search").GetString());
        Assert.Equal("accuracy", root.GetProperty("scoring").GetString());
        Assert.Equal(3, root.GetProperty("candidates").GetInt32());
        Assert.Equal(160, root.GetProperty("trainRows").GetInt32());
        Assert.Equal(40, root.GetProperty("verifiedRows").GetInt32());
        var best = root.GetProperty("bestParameters").GetProperty("n-neighbors").GetString();
        Assert.Contains(best, new[] { "1", "5", "25" });
        Assert.Equal(root.GetProperty("top")[0].GetProperty("mean").GetDouble(), root.GetProperty("bestScore").GetDouble());
        Assert.InRange(root.GetProperty("heldOut").GetProperty("after").GetDouble(), 0.6, 1);
        Assert.Matches("^(tuning helped|no clear improvement|no improvement): cross-validated accuracy", root.GetProperty("verdict").GetString());
        Assert.True(File.Exists(package));

        var report = folder.File("tuned-tune");
        foreach (var file in new[] { "search-results.csv", "candidates.png", "search-history.png", "parameter-n-neighbors.png", "index.html", "tune.json" })
            Assert.True(File.Exists(Path.Combine(report, file)), $"no {file}");
        var table = Kiln.Data.Frame.ReadCsv(Path.Combine(report, "search-results.csv"));
        Assert.Equal(3, table.RowCount);
        Assert.Equal([1L, 5L, 25L], table["param_n-neighbors"].AsFloat64().Values.ToArray().Select(x => (long)x));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(report, "candidates.png")).Take(4));

        var predict = CliRun.Of("predict", package, data, "--out", folder.File("p.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
        var evaluate = CliRun.Of("evaluate", package, data, "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
    }

    [Fact]
    public void The_verdict_compares_the_tuned_and_default_scores_honestly()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(200));
        // five neighbours is the default, so the only candidate is the default model and tuning cannot improve on it
        var run = CliRun.Of("tune", data, "--target", "churn", "--model", "knn-classifier", "--search", "grid", "--space", "n-neighbors=5",
            "--cv", "3", "--out", folder.File("same.kiln"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(root.GetProperty("defaultScore").GetDouble(), root.GetProperty("bestScore").GetDouble());
        Assert.False(root.GetProperty("improved").GetBoolean());
        Assert.StartsWith("no improvement", root.GetProperty("verdict").GetString());
        Assert.Equal(root.GetProperty("heldOut").GetProperty("before").GetDouble(), root.GetProperty("heldOut").GetProperty("after").GetDouble());
    }

    [Theory]
    [InlineData("random", "logistic-regression", 4)]
    [InlineData("bayes", "decision-tree-classifier", 6)]
    public void Random_and_bayesian_searches_draw_from_the_catalogs_default_ranges(string search, string model, int trials)
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(150));
        var run = CliRun.Of("tune", data, "--target", "churn", "--model", model, "--search", search, "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--cv", "3", "--seed", "2", "--out", folder.File("m.kiln"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(trials, json.RootElement.GetProperty("candidates").GetInt32());
        Assert.Equal(search, json.RootElement.GetProperty("search").GetString());
    }

    [Fact]
    public void A_regressor_is_tuned_by_r2_and_prints_a_table_for_people()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("spend.csv", Customers.SpendCsv(150));
        var run = CliRun.Of("tune", data, "--target", "spend", "--model", "ridge", "--search", "grid", "--space", "alpha=0.01,1,100", "--cv", "3",
            "--out", folder.File("ridge.kiln"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("grid search of ridge: 3 candidates × 3 folds", run.Output);
        Assert.Contains("mean r2", run.Output);
        Assert.Contains("best: alpha=", run.Output);
        Assert.Contains("(reloaded: the same predictions on all 30 held-out rows)", run.Output);
    }

    [Theory]
    [InlineData("n-neighbours=1,2", "has no parameter 'n-neighbours'")]
    [InlineData("n-neighbors=0,3", "parameter 'n-neighbors' must be 1 ≤ value, not 0")]
    [InlineData("n-neighbors=uniform(1,5)", "'n-neighbors' of knn-classifier is a whole number")]
    public void A_bad_space_is_refused_naming_the_parameter_and_nothing_is_written(string space, string message)
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(60));
        var package = folder.File("m.kiln");
        var run = CliRun.Of("tune", data, "--target", "churn", "--model", "knn-classifier", "--space", space, "--out", package);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(package));
        Assert.False(Directory.Exists(folder.File("m-tune")));
    }

    [Theory]
    [InlineData(new[] { "--search", "annealing" }, "--search must be grid, random or bayes, not 'annealing'")]
    [InlineData(new[] { "--trials", "0" }, "--trials must be at least 1")]
    [InlineData(new[] { "--cv", "1" }, "--cv must be at least 2")]
    [InlineData(new[] { "--model", "kmeans" }, "kmeans is a clusterer; tuning needs a classifier or a regressor")]
    [InlineData(new[] { "--model", "linear-regression", "--target", "tenure" }, "linear-regression has no default search space")]
    public void Bad_options_are_refused_with_a_clear_message(string[] options, string message)
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(60));
        var arguments = new List<string> { "tune", data, "--out", folder.File("m.kiln") };
        if (!options.Contains("--model")) arguments.AddRange(["--model", "knn-classifier"]);
        if (!options.Contains("--target")) arguments.AddRange(["--target", "churn"]);
        arguments.AddRange(options);
        var run = CliRun.Of([.. arguments]);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Error);
    }
}
