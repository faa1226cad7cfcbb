using System.Diagnostics;
using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

/// <summary>
/// docs/examples/mlops-pipeline.sh runs end to end with the kiln under test: the first run makes its model the champion,
/// a second whose model beats it on held-out rows rolls that one out as a canary.
/// </summary>
[Collection(nameof(KilnHomeCollection))]
public class MlopsPipelineScriptTests
{
    static string Pipeline(string data, string algorithm)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryFolder.Root,
        };
        foreach (var argument in new[] { Path.Combine(RepositoryFolder.Root, "docs", "examples", "mlops-pipeline.sh"), data, "churn", "churn", algorithm })
            start.ArgumentList.Add(argument);
        // KILN_HOME is the test's, inherited
        start.Environment["KILN"] = $"dotnet {typeof(KilnApp).Assembly.Location}";
        start.Environment["MINIMUM_ACCURACY"] = "0.6";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the pipeline did not finish in 3 minutes");
        Assert.True(process.ExitCode == 0, $"the pipeline failed ({process.ExitCode}): {error.Result}\n{output}");
        return output;
    }

    [Fact]
    public void The_first_run_makes_a_champion_and_a_better_challenger_becomes_a_canary()
    {
        using var home = new TemporaryKilnHome();
        var data = Path.Combine(home.Path, "customers.csv");
        File.WriteAllText(data, Customers.Csv(600));

        var first = Pipeline(data, "gaussian-nb");
        Assert.Contains("no champion of 'churn' yet", first);
        Assert.Contains("version 1 is the first champion", first);

        // churn follows contract and tenure together, which a tree finds and naive Bayes cannot
        var second = Pipeline(data, "decision-tree-classifier");
        Assert.Contains("validate: the new rows against the champion's training data", second);
        Assert.Contains("version 2 takes 10 % of the traffic as a canary", second);

        using var shown = JsonDocument.Parse(CliRun.Of("deploy", "churn", "--show", "--json").Output);
        var deployment = shown.RootElement.GetProperty("deployment");
        Assert.Equal("champion", deployment.GetProperty("primaryAlias").GetString());
        Assert.Equal("challenger", deployment.GetProperty("canaryAlias").GetString());
        using var model = JsonDocument.Parse(CliRun.Of("registry", "show", "churn", "--json").Output);
        var aliases = model.RootElement.GetProperty("model").GetProperty("aliases");
        Assert.Equal(1, aliases.GetProperty("champion").GetInt32());
        Assert.Equal(2, aliases.GetProperty("challenger").GetInt32());
        using var runs = JsonDocument.Parse(CliRun.Of("runs", "list", "--experiment", "churn", "--json").Output);
        Assert.Equal(["train decision-tree-classifier", "train gaussian-nb"], runs.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }
}
