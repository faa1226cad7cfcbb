using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kiln.Cli.Tests;

/// <summary><c>kiln data validate</c>: a new batch checked against a model's training data before it is scored or trained on.</summary>
[Collection(nameof(KilnHomeCollection))]
public class ValidateCommandTests
{
    /// <summary>Trains a tree on 300 customers, which writes the training reference beside the package; the package's path.</summary>
    static string Trained(TemporaryKilnHome home, out string data)
    {
        data = Path.Combine(home.Path, "customers.csv");
        File.WriteAllText(data, Customers.Csv(300));
        var package = Path.Combine(home.Path, "churn.kiln");
        var train = CliRun.Of("train", data, "--target", "churn", "--model", "decision-tree-classifier", "--param", "max-depth=4", "--out", package, "--no-track");
        Assert.True(train.ExitCode == 0, train.Error);
        return package;
    }

    /// <summary>New customers who all signed two-year contracts and stayed 40 months longer.</summary>
    static string Shifted(TemporaryKilnHome home)
    {
        var lines = Customers.Csv(300, seed: 9).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = new StringBuilder(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            csv.Append(CultureInfo.InvariantCulture, $"two year,{int.Parse(fields[1], CultureInfo.InvariantCulture) + 40},{fields[2]},{fields[3]}\n");
        }
        var path = Path.Combine(home.Path, "shifted.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    [Fact]
    public void A_batch_like_the_training_data_passes()
    {
        using var home = new TemporaryKilnHome();
        var package = Trained(home, out _);
        var fresh = Path.Combine(home.Path, "fresh.csv");
        File.WriteAllText(fresh, Customers.Csv(300, seed: 9));

        var run = CliRun.Of("data", "validate", fresh, "--model", package, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("ok", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(["tenure", "shoe size", "contract"], json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.False(json.RootElement.GetProperty("predictions").GetProperty("drifted").GetBoolean());
    }

    [Fact]
    public void A_shifted_batch_fails_naming_what_drifted_with_exit_code_1()
    {
        using var home = new TemporaryKilnHome();
        var package = Trained(home, out _);

        var run = CliRun.Of("data", "validate", Shifted(home), "--model", package, "--json");

        Assert.Equal(CliFailure.ChecksFailed, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var drifted = json.RootElement.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("drifted").GetBoolean()).Select(f => f.GetProperty("name").GetString());
        Assert.Equal(["tenure", "contract"], drifted);
        Assert.True(json.RootElement.GetProperty("predictions").GetProperty("drifted").GetBoolean());
        Assert.Contains("'tenure' drifted; 'contract' drifted; the predictions drifted", run.Error);
    }

    [Fact]
    public void A_batch_without_a_column_the_model_takes_fails_the_schema_check_naming_it()
    {
        using var home = new TemporaryKilnHome();
        var package = Trained(home, out var data);
        var narrow = Path.Combine(home.Path, "narrow.csv");
        File.WriteAllLines(narrow, File.ReadAllLines(data).Select(line => string.Join(',', line.Split(',').Where((_, i) => i != 1))));

        var run = CliRun.Of("data", "validate", narrow, "--model", package);

        Assert.Equal(CliFailure.ChecksFailed, run.ExitCode);
        Assert.Contains("schema: FAILED", run.Output);
        Assert.Contains("'tenure'", run.Output);
        Assert.Contains("the schema does not match", run.Error);
    }

    [Fact]
    public void A_registered_model_is_validated_against_the_reference_its_run_recorded()
    {
        using var home = new TemporaryKilnHome();
        var data = Path.Combine(home.Path, "customers.csv");
        File.WriteAllText(data, Customers.Csv(300));
        var package = Path.Combine(home.Path, "churn.kiln");
        Assert.Equal(0, CliRun.Of("train", data, "--target", "churn", "--model", "decision-tree-classifier", "--out", package).ExitCode);
        // the run's artifact, not the file beside the package, is what the registered version is checked against
        File.Delete(Path.ChangeExtension(package, ".reference.json"));
        Assert.Equal(0, CliRun.Of("registry", "register", "churn", package, "--alias", "champion").ExitCode);

        Assert.Equal(0, CliRun.Of("data", "validate", data, "--model", "models:/churn@champion").ExitCode);
        Assert.Equal(CliFailure.ChecksFailed, CliRun.Of("data", "validate", Shifted(home), "--model", "models:/churn").ExitCode);
    }

    [Fact]
    public void A_package_without_its_training_reference_is_an_error_saying_so()
    {
        using var home = new TemporaryKilnHome();
        var package = Trained(home, out var data);
        File.Delete(Path.ChangeExtension(package, ".reference.json"));

        var run = CliRun.Of("data", "validate", data, "--model", package);

        Assert.Equal(66, run.ExitCode);
        Assert.Contains("no training reference", run.Error);
    }
}
