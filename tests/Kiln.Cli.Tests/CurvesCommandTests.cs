using System.Globalization;
using System.Text;
using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class CurvesCommandTests
{
    /// <summary>Labels that follow x0's sign but are flipped at random for a third of the rows: a deep tree memorises the flips.</summary>
    static string NoisyLabels(int rows)
    {
        var random = new Random(7);
        var csv = new StringBuilder("x0,x1,x2,label\n");
        for (var i = 0; i < rows; i++)
        {
            var x = new[] { random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1 };
            var label = x[0] > 0 ^ random.NextDouble() < 0.3;
            csv.Append(CultureInfo.InvariantCulture, $"{x[0]:F4},{x[1]:F4},{x[2]:F4},{(label ? "up" : "down")}\n");
        }
        return csv.ToString();
    }

    [Fact]
    public void A_deep_tree_on_noisy_labels_is_diagnosed_as_over_fitting_and_both_curves_are_drawn()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("noisy.csv", NoisyLabels(300));
        var output = folder.File("curves");

        var run = CliRun.Of("curves", data, "--target", "label", "--model", "decision-tree-classifier", "--param", "max-depth", "--values", "1,3,none",
            "--cv", "3", "--out", output, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.StartsWith("over-fitting", root.GetProperty("diagnosis").GetProperty("sentence").GetString());
        Assert.Equal([20, 50, 100, 150, 200], root.GetProperty("learning").GetProperty("trainSizes").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(1.0, root.GetProperty("learning").GetProperty("trainingMean").EnumerateArray().Last().GetDouble());
        var validation = root.GetProperty("validation");
        Assert.Equal(["1", "3", "none"], validation.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.NotEqual("none", validation.GetProperty("best").GetString());
        foreach (var file in new[] { "learning-curve.png", "learning-curve.svg", "validation-curve.png", "validation-curve.svg", "curves.json", "index.html" })
            Assert.True(File.Exists(Path.Combine(output, file)), $"no {file}");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(output, "learning-curve.png")).Take(4));
    }

    [Fact]
    public void For_people_the_diagnosis_is_the_first_line_and_a_parameter_without_values_takes_the_catalogs_range()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(150));
        var output = folder.File("knn");

        var run = CliRun.Of("curves", data, "--target", "churn", "--model", "knn-classifier", "--param", "n-neighbors", "--cv", "3", "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches("^(under-fitting|over-fitting|more data would help|a good fit): training accuracy", lines[0]);
        Assert.StartsWith("best n-neighbors=", lines[1]);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "curves.json")));
        Assert.Equal(["1", "11", "21", "30", "40", "50"], json.RootElement.GetProperty("validation").GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData(new[] { "--values", "1,2" }, "--values needs --param NAME")]
    [InlineData(new[] { "--param", "max-depth", "--param", "min-samples-leaf" }, "--param names one hyperparameter to vary, not 2")]
    [InlineData(new[] { "--param", "depth" }, "has no parameter 'depth'")]
    [InlineData(new[] { "--param", "criterion" }, "the catalog has no default range for it, so give --values")]
    [InlineData(new[] { "--param", "max-depth", "--values", "0,2" }, "parameter 'max-depth' must be 1 ≤ value or none, not 0")]
    [InlineData(new[] { "--sizes", "0.5,abc" }, "--sizes: 'abc' is not a fraction")]
    public void Bad_curve_options_are_refused_with_a_clear_message(string[] options, string message)
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("noisy.csv", NoisyLabels(60));
        var run = CliRun.Of(["curves", data, "--target", "label", "--model", "decision-tree-classifier", "--out", folder.File("c"), .. options]);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(folder.File("c")));
    }
}
