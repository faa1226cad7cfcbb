using System.Globalization;
using System.Text;
using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class ExplainCommandTests
{
    static (string Data, string Package) Trained(TemporaryFolder folder, string model, params string[] parameters)
    {
        var data = folder.File("customers.csv");
        File.WriteAllText(data, Customers.Csv(300));
        var package = folder.File($"{model}.kiln");
        var train = CliRun.Of(["train", data, "--target", "churn", "--model", model, "--out", package, .. parameters.SelectMany(p => new[] { "--param", p })]);
        Assert.True(train.ExitCode == 0, train.Error);
        return (data, package);
    }

    static string[] FilesIn(string folder) => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Explaining_a_forest_writes_every_chart_the_json_and_the_page_and_prints_the_drivers()
    {
        using var folder = new TemporaryFolder();
        var (data, package) = Trained(folder, "random-forest-classifier", "n-estimators=20", "max-depth=6");
        var output = folder.File("explained");

        var run = CliRun.Of("explain", package, data, "--out", output, "--repeats", "3", "--shap-rows", "60");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["explanation.json", "impurity-importance.png", "index.html", "permutation-importance.png", "shap-beeswarm.png", "shap-importance.png"], FilesIn(output));
        Assert.Contains("contract", run.Output);
        Assert.Contains("permutation importance", run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "explanation.json")));
        var permutation = json.RootElement.GetProperty("permutationImportance");
        Assert.Equal("accuracy", permutation.GetProperty("scoring").GetString());
        var columns = permutation.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!, c => c.GetProperty("mean").GetDouble());
        Assert.Equal(["contract", "tenure", "shoe size"], columns.Keys);
        Assert.Equal("contract", columns.MaxBy(c => c.Value).Key);
        var shap = json.RootElement.GetProperty("shap");
        Assert.Equal(60, shap.GetProperty("values").GetArrayLength());
        Assert.Contains(shap.GetProperty("featureNames").EnumerateArray(), name => name.GetString()!.StartsWith("contract=", StringComparison.Ordinal));
        Assert.Contains("Permutation importance", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal([output], Directory.GetDirectories(folder.Path));
    }

    [Fact]
    public void Explaining_one_decision_tree_adds_its_diagram_and_its_dot_and_text_exports()
    {
        using var folder = new TemporaryFolder();
        var (data, package) = Trained(folder, "decision-tree-classifier", "max-depth=6");
        var output = folder.File("tree");

        var run = CliRun.Of("explain", package, data, "--out", output, "--repeats", "2");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("tree.png", FilesIn(output));
        Assert.StartsWith("digraph", File.ReadAllText(Path.Combine(output, "tree.dot")));
        Assert.Contains("|---", File.ReadAllText(Path.Combine(output, "tree.txt")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "explanation.json")));
        Assert.Equal(4, json.RootElement.GetProperty("tree").GetProperty("diagramDepth").GetInt32());
    }

    [Fact]
    public void A_tree_regressor_is_explained_against_its_own_target_with_r2()
    {
        using var folder = new TemporaryFolder();
        var data = folder.File("customers.csv");
        File.WriteAllText(data, Customers.Csv(200));
        var package = folder.File("tenure.kiln");
        Assert.Equal(0, CliRun.Of("train", data, "--target", "tenure", "--model", "decision-tree-regressor", "--param", "max-depth=4", "--out", package).ExitCode);

        var run = CliRun.Of("explain", package, data, "--out", folder.File("out"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("r2", json.RootElement.GetProperty("scoring").GetString());
        Assert.Equal("tenure", json.RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void A_model_that_is_not_a_tree_gets_permutation_importance_and_is_told_why_shap_is_skipped()
    {
        using var folder = new TemporaryFolder();
        var (data, package) = Trained(folder, "gaussian-nb");
        var output = folder.File("nb");

        var run = CliRun.Of("explain", package, data, "--out", output, "--repeats", "2");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["explanation.json", "index.html", "permutation-importance.png"], FilesIn(output));
        Assert.Contains("SHAP skipped", run.Output);
        Assert.Contains("not a tree model", run.Output);
    }

    [Fact]
    public void A_missing_target_column_is_named_and_nothing_is_written()
    {
        using var folder = new TemporaryFolder();
        var (_, package) = Trained(folder, "decision-tree-classifier", "max-depth=3");
        var unlabelled = folder.File("unlabelled.csv");
        File.WriteAllText(unlabelled, "contract,tenure,shoe size\none year,12,40\n");

        var run = CliRun.Of("explain", package, unlabelled, "--out", folder.File("out"));

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("churn", run.Error);
        Assert.False(Directory.Exists(folder.File("out")));
        Assert.Contains("--target", CliRun.Of("explain", package, unlabelled, "--out", folder.File("out"), "--target", "plan").Error);
    }

    [Fact]
    public void A_missing_package_or_file_exits_with_no_input()
    {
        using var folder = new TemporaryFolder();
        var (data, package) = Trained(folder, "decision-tree-classifier", "max-depth=3");
        Assert.Equal(66, CliRun.Of("explain", folder.File("none.kiln"), data, "--out", folder.File("out")).ExitCode);
        Assert.Equal(66, CliRun.Of("explain", package, folder.File("none.csv"), "--out", folder.File("out")).ExitCode);
    }

    [Fact]
    public void A_folder_holding_other_files_is_refused_and_left_as_it_was()
    {
        using var folder = new TemporaryFolder();
        var (data, package) = Trained(folder, "decision-tree-classifier", "max-depth=3");
        var output = folder.File("mine");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "keep me");

        var run = CliRun.Of("explain", package, data, "--out", output, "--repeats", "1");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("holds other files", run.Error);
        Assert.Equal(["notes.txt"], FilesIn(output));
    }
}
