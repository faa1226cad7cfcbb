using System.Globalization;
using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class NnExperimentCommandsTests
{
    static string Example(string name) => Path.Combine(RepositoryFolder.Root, "docs", "examples", name);

    [Fact]
    public void Nn_experiment_trains_each_variant_on_the_same_rows_and_writes_the_ranked_table_and_the_report()
    {
        SharedFolder.RequireDataset("fashion-mnist");
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("nn", "experiment", "--data", "fashion-mnist", "--base", Example("mlp.json"), "--vary", "units=32;dropout=0,0.2",
            "--epochs", "2", "--batch-size", "16", "--limit", "300", "--seed", "3", "--out", folder.Path, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(run.Output);
        var root = summary.RootElement;
        Assert.Equal(270, root.GetProperty("trainRows").GetInt32());
        Assert.Equal(30, root.GetProperty("validationRows").GetInt32());
        Assert.Equal(10_000, root.GetProperty("testRows").GetInt32());
        Assert.False(root.GetProperty("cancelled").GetBoolean());
        var variants = root.GetProperty("variants").EnumerateArray().ToList();
        // dropout=0.2 is the base's own: three runs, not four
        Assert.Equal(["base", "dropout=0", "units=32"], variants.Select(v => v.GetProperty("name").GetString()).Order());
        var validation = variants.Select(v => v.GetProperty("validationAccuracy").GetDouble()).ToList();
        Assert.Equal(validation.OrderDescending(), validation);
        foreach (var variant in variants)
        {
            Assert.Equal(2, variant.GetProperty("epochs").GetInt32());
            Assert.Equal(2, variant.GetProperty("history").GetArrayLength());
            Assert.InRange(variant.GetProperty("testAccuracy").GetDouble(), 0.2, 1); // ten classes: chance is 0.1, so this learned
        }
        Assert.Equal(32 * 785 + 32 * 33 + 10 * 33, variants.Single(v => v.GetProperty("name").GetString() == "units=32").GetProperty("parameters").GetInt64());
        Assert.Contains("[1/3] base epoch 1/2 - loss:", run.Error);

        var table = Kiln.Data.Frame.ReadCsv(Path.Combine(folder.Path, "results.csv"));
        Assert.Equal(["rank", "variant", "units", "dropout", "train_accuracy", "val_accuracy", "test_accuracy", "gap", "train_loss", "val_loss", "test_loss", "loss_gap",
            "epochs", "restored_epoch", "seconds", "parameters"], table.ColumnNames);
        Assert.Equal(3, table.RowCount);
        Assert.Equal(variants[0].GetProperty("name").GetString(), (string?)table["variant"].GetValue(0));
        var baseRow = Enumerable.Range(0, table.RowCount).Single(i => (string?)table["variant"].GetValue(i) == "base");
        Assert.Equal(0.2, Convert.ToDouble(table["dropout"].GetValue(baseRow), CultureInfo.InvariantCulture));
        Assert.Null(table["units"].GetValue(baseRow)); // the base's own widths stand
        foreach (var file in new[] { "report.html", "results.json", "accuracy-by-variant.png", "gap-by-variant.svg", "key-units.png", "key-dropout.svg", "curves-01.png", "curves-03.svg" })
            Assert.True(File.Exists(Path.Combine(folder.Path, file)), $"{file} is missing");
        var html = File.ReadAllText(Path.Combine(folder.Path, "report.html"));
        Assert.Contains("Experiment — mlp.json on fashion-mnist", html);
        Assert.Contains("units=32", html);
    }

    [Fact]
    public void Nn_overfit_tries_dropout_l2_and_early_stopping_against_the_big_network()
    {
        SharedFolder.RequireDataset("fashion-mnist");
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("nn", "overfit", "--data", "fashion-mnist", "--limit", "400", "--epochs", "2", "--out", folder.Path, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var summary = JsonDocument.Parse(run.Output);
        var variants = summary.RootElement.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(["base", "dropout=0.5", "early-stopping=5", "l2=0.01"], variants.Select(v => v.GetProperty("name").GetString()).Order());
        Assert.Equal(200, summary.RootElement.GetProperty("trainRows").GetInt32()); // half the rows validate
        var parameters = 785 * 512 + 513 * 512 * 2 + 513 * 10;
        Assert.All(variants, v => Assert.Equal(parameters, v.GetProperty("parameters").GetInt64()));
        Assert.All(variants, v => Assert.Equal(v.GetProperty("trainAccuracy").GetDouble() - v.GetProperty("validationAccuracy").GetDouble(), v.GetProperty("gap").GetDouble(), 12));
        Assert.Contains("Overfitting investigation on fashion-mnist", File.ReadAllText(Path.Combine(folder.Path, "report.html")));
    }

    [Fact]
    public void A_grid_too_big_is_refused_before_any_training_with_its_size()
    {
        SharedFolder.RequireDataset("fashion-mnist");
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("nn", "experiment", "--data", "fashion-mnist", "--base", Example("mlp.json"), "--limit", "50", "--mode", "grid",
            "--vary", "layers=1,2,3,5;units=64,128,256,512;activation=relu,tanh,sigmoid;dropout=0,0.3;optimizer=sgd,adam;lr=0.01,0.001,0.0001;batch-size=16,32,64",
            "--out", folder.Path);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("the grid has 1,728 variants (4 layers × 4 units × 3 activation × 2 dropout × 2 optimizer × 3 lr × 3 batch-size), more than the limit of 64", run.Error);
        Assert.False(File.Exists(Path.Combine(folder.Path, "results.csv")));
    }

    [Theory]
    [InlineData("--vary", "neurons=3", "--vary: unknown key 'neurons'")]
    [InlineData("--vary", "units=0", "--vary: 'units' value '0' is not a whole number of at least 1")]
    [InlineData("--mode", "random", "--mode random: give one of one-at-a-time, grid")]
    public void A_bad_setting_is_refused_naming_it_before_the_data_is_read(string option, string value, string message)
    {
        using var folder = new TemporaryFolder();
        var settings = new Dictionary<string, string> { ["--data"] = Path.Combine(folder.Path, "absent"), ["--base"] = Example("mlp.json"), ["--vary"] = "units=8", [option] = value };
        var run = CliRun.Of(["nn", "experiment", .. settings.SelectMany(s => new[] { s.Key, s.Value })]);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public void A_key_that_does_not_apply_to_the_base_is_refused_naming_the_spec()
    {
        SharedFolder.RequireDataset("fashion-mnist");
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("linear.json"), """{"input_shape":[784],"layers":[{"type":"dense","units":10,"activation":"softmax"}]}""");
        var run = CliRun.Of("nn", "experiment", "--data", "fashion-mnist", "--base", folder.File("linear.json"), "--vary", "layers=2", "--limit", "50", "--out", folder.Path);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("linear.json: 'layers' changes the hidden dense layers, but the base has none", run.Error);
    }
}
