using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class CompareCommandTests
{
    [Fact]
    public void Titanic_is_compared_without_touching_the_data_and_the_report_names_the_best_model()
    {
        using var folder = new TemporaryFolder();
        var data = SharedFolder.RequireDataset("titanic/train.csv");
        var report = Path.Combine(folder.Path, "report");

        var run = CliRun.Of("compare", data, "--target", "Survived", "--models", "logistic-regression,decision-tree-classifier,gaussian-nb", "--cv", "3", "--out", report, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("classification", root.GetProperty("task").GetString());
        var models = root.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(3, models.Count);
        var means = models.Select(m => m.GetProperty("mean").GetDouble()).ToList();
        Assert.Equal(means.OrderByDescending(m => m), means);
        Assert.All(means, m => Assert.InRange(m, 0.7, 0.9));
        Assert.StartsWith(root.GetProperty("best").GetString()! + " scores best", root.GetProperty("verdict").GetString());
        // the baseline is scored beside the models, not ranked among them: 549 of Titanic's 891 passengers died
        var baseline = root.GetProperty("baseline");
        Assert.Equal("baseline (most frequent class)", baseline.GetProperty("label").GetString());
        Assert.InRange(baseline.GetProperty("mean").GetDouble(), 0.6, 0.63);
        Assert.Contains("It beats the baseline (most frequent class)", root.GetProperty("verdict").GetString());
        var html = File.ReadAllText(Path.Combine(report, "index.html"));
        Assert.Contains("Verdict", html);
        Assert.Contains("baseline (most frequent class)", html);
        foreach (var name in new[] { "comparison.png", "logistic-regression.png", "gaussian-nb.png", "comparison.json" })
            Assert.True(File.Exists(Path.Combine(report, name)), name);
    }

    [Fact]
    public void A_regression_target_is_detected_and_a_model_of_the_wrong_task_is_refused()
    {
        using var folder = new TemporaryFolder();
        var data = Path.Combine(folder.Path, "houses.csv");
        var random = new Random(1);
        File.WriteAllLines(data, ["rooms,area,price", .. Enumerable.Range(0, 120).Select(_ =>
        {
            var (rooms, area) = (random.Next(1, 6), 30 + random.NextDouble() * 100);
            return $"{rooms},{area:F1},{1000 * area + 5000 * rooms + random.NextDouble() * 3000:F0}";
        })]);

        var run = CliRun.Of("compare", data, "--target", "price", "--models", "linear-regression,decision-tree-regressor", "--out", Path.Combine(folder.Path, "r"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using (var json = JsonDocument.Parse(run.Output))
        {
            Assert.Equal("regression", json.RootElement.GetProperty("task").GetString());
            Assert.Equal("linear-regression", json.RootElement.GetProperty("best").GetString());
            Assert.Equal("baseline (mean)", json.RootElement.GetProperty("baseline").GetProperty("label").GetString());
        }

        var html = File.ReadAllText(Path.Combine(folder.Path, "r", "index.html"));
        foreach (var heading in new[] { "held-out r2", "held-out MSE", "held-out RMSE", "held-out MAE" })
            Assert.Contains($">{heading}</th>", html);

        var wrong = CliRun.Of("compare", data, "--target", "price", "--task", "regression", "--models", "logistic-regression", "--out", Path.Combine(folder.Path, "w"));
        Assert.Equal(64, wrong.ExitCode);
        Assert.Contains("'logistic-regression' is a classifier", wrong.Error);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "w")));
    }

    [Fact]
    public void The_printed_table_gives_every_held_out_score_the_workbook_asks_for_and_the_json_holds_their_values()
    {
        using var folder = new TemporaryFolder();
        var data = SharedFolder.RequireDataset("titanic/train.csv");

        var run = CliRun.Of("compare", data, "--target", "Survived", "--models", "logistic-regression,decision-tree-classifier", "--cv", "3", "--out", folder.File("report"));

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var score in new[] { "held-out", "accuracy", "precision", "recall", "F1" })
            Assert.Contains(score, run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.File("report"), "comparison.json")));
        var best = json.RootElement.GetProperty("models")[0].GetProperty("heldOutScores").GetProperty("classification");
        var f1 = best.GetProperty("f1Macro").GetDouble().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(f1, run.Output);
        Assert.Contains($">{f1}</td>", File.ReadAllText(Path.Combine(folder.File("report"), "index.html")));
    }
}
