using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class TrainCommandsTests
{
    const string People = "age,income,city,bought\n25,30,Paris,no\n32,45,Lyon,no\n47,80,Paris,yes\n51,,Nice,yes\n23,28,Lyon,no\n60,90,Paris,yes\n38,50,Nice,no\n44,75,Lyon,yes\n29,35,Paris,no\n55,85,Nice,yes\n";

    [Fact]
    public void Train_then_evaluate_and_predict_work_on_a_raw_csv()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("people.csv", People);
        var package = folder.File("m.kiln");
        var train = CliRun.Of("train", data, "--target", "bought", "--model", "gaussian-nb", "--out", package, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        using (var json = JsonDocument.Parse(train.Output))
            Assert.InRange(json.RootElement.GetProperty("trainingScores").GetProperty("classification").GetProperty("accuracy").GetDouble(), 0.8, 1);

        var evaluate = CliRun.Of("evaluate", package, data, "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        using (var json = JsonDocument.Parse(evaluate.Output))
            Assert.Equal("bought", json.RootElement.GetProperty("target").GetString());

        var predict = CliRun.Of("predict", package, data, "--proba", "--out", folder.File("p.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
        var predictions = Kiln.Data.Frame.ReadCsv(folder.File("p.csv"));
        Assert.Equal(["bought", "p(no)", "p(yes)"], predictions.ColumnNames);
        Assert.Equal(10, predictions.RowCount);
    }

    [Fact]
    public void Train_shows_the_algorithms_progress_on_stderr_and_keeps_it_out_of_json()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("people.csv", People);
        var train = CliRun.Of("train", data, "--target", "bought", "--model", "random-forest-classifier", "--param", "n-estimators=20", "--out", folder.File("m.kiln"));
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("train: trees 20/20", train.Error);
        var json = CliRun.Of("train", data, "--target", "bought", "--model", "random-forest-classifier", "--out", folder.File("j.kiln"), "--json");
        Assert.DoesNotContain("trees", json.Error);
    }

    [Fact]
    public void Evaluate_writes_a_report_of_the_classes_and_examples_when_asked()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("people.csv", People);
        var package = folder.File("m.kiln");
        Assert.Equal(0, CliRun.Of("train", data, "--target", "bought", "--model", "gaussian-nb", "--out", package).ExitCode);

        var run = CliRun.Of("evaluate", package, data, "--report", folder.File("report"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var report = json.RootElement.GetProperty("report").GetString();
        Assert.Equal(Path.Combine(folder.File("report"), "report.html"), report);
        var html = File.ReadAllText(report!);
        foreach (var part in new[] { "Per class", "Confusion matrix", "ROC and precision", "Most confident and right", "Least confident", "people.csv" })
            Assert.Contains(part, html);
    }

    [Fact]
    public void A_regressor_reports_r2_and_errors()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("people.csv", People);
        var run = CliRun.Of("train", data, "--target", "income", "--model", "ridge", "--param", "alpha=0.1", "--out", folder.File("r.kiln"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.InRange(json.RootElement.GetProperty("trainingScores").GetProperty("regression").GetProperty("r2").GetDouble(), 0.5, 1);
    }

    [Fact]
    public void A_single_class_target_is_refused_and_nothing_is_written()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("one.csv", "x,y\n1,a\n2,a\n3,a\n");
        var run = CliRun.Of("train", data, "--target", "y", "--model", "gaussian-nb", "--out", folder.File("m.kiln"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains("single class", run.Error);
        Assert.False(File.Exists(folder.File("m.kiln")));
    }

    [Fact]
    public void A_transformer_is_not_a_model_to_train()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("train", folder.WriteFile("people.csv", People), "--target", "bought", "--model", "standard-scaler", "--out", folder.File("m.kiln"));
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("not a model to train", run.Error);
    }

    [Fact]
    public void A_file_without_a_fitted_column_is_rejected_by_name()
    {
        using var folder = new TemporaryFolder();
        var package = folder.File("m.kiln");
        Assert.Equal(0, CliRun.Of("train", folder.WriteFile("people.csv", People), "--target", "bought", "--model", "gaussian-nb", "--out", package).ExitCode);
        var run = CliRun.Of("predict", package, folder.WriteFile("less.csv", "age,city\n30,Paris\n"));
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("'income'", run.Error);
    }

    [Fact]
    public void Evaluate_needs_the_target_column_by_name()
    {
        using var folder = new TemporaryFolder();
        var package = folder.File("m.kiln");
        Assert.Equal(0, CliRun.Of("train", folder.WriteFile("people.csv", People), "--target", "bought", "--model", "gaussian-nb", "--out", package).ExitCode);
        var run = CliRun.Of("evaluate", package, folder.WriteFile("unlabelled.csv", "age,income,city\n30,40,Paris\n"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains("column 'bought'", run.Error);
    }

    [Fact]
    public void Titanic_trains_without_preprocessing_by_hand()
    {
        using var folder = new TemporaryFolder();
        var data = SharedFolder.RequireDataset("titanic/train.csv");
        var run = CliRun.Of("train", data, "--target", "Survived", "--model", "logistic-regression", "--out", folder.File("t.kiln"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("left out 'Name'", run.Output);
        var evaluate = CliRun.Of("evaluate", folder.File("t.kiln"), data, "--json");
        using var json = JsonDocument.Parse(evaluate.Output);
        Assert.InRange(json.RootElement.GetProperty("classification").GetProperty("accuracy").GetDouble(), 0.75, 1);
    }
}
