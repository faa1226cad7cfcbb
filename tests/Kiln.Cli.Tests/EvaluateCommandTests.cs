using System.Text.Json;

namespace Kiln.Cli.Tests;

/// <summary>
/// <c>kiln evaluate</c> as a deployment pipeline's gate: registered models named as MLflow names them, a baseline scored
/// on the same rows, and checks whose failure is the exit code.
/// </summary>
[Collection(nameof(KilnHomeCollection))]
public class EvaluateCommandTests
{
    /// <summary>
    /// A tree deep enough for the churn rule (contract and tenure) registered as version 1, aliased champion, and a
    /// stump that sees one of the two as version 2, aliased challenger.
    /// </summary>
    static string RegisterChampionAndWeakChallenger(TemporaryKilnHome home)
    {
        var data = Path.Combine(home.Path, "customers.csv");
        File.WriteAllText(data, Customers.Csv(200));
        var good = Path.Combine(home.Path, "good.kiln");
        var weak = Path.Combine(home.Path, "weak.kiln");
        Assert.Equal(0, CliRun.Of("train", data, "--target", "churn", "--model", "decision-tree-classifier", "--param", "max-depth=4", "--out", good, "--no-track").ExitCode);
        Assert.Equal(0, CliRun.Of("train", data, "--target", "churn", "--model", "decision-tree-classifier", "--param", "max-depth=1", "--out", weak, "--no-track").ExitCode);
        Assert.Equal(0, CliRun.Of("registry", "register", "churn", good, "--alias", "champion").ExitCode);
        Assert.Equal(0, CliRun.Of("registry", "register", "churn", weak, "--alias", "challenger").ExitCode);
        return data;
    }

    static double Accuracy(JsonElement scores) => scores.GetProperty("classification").GetProperty("accuracy").GetDouble();

    [Fact]
    public void A_registered_model_is_named_by_alias_by_version_or_by_name_alone_which_is_its_champion()
    {
        using var home = new TemporaryKilnHome();
        var data = RegisterChampionAndWeakChallenger(home);

        var byAlias = CliRun.Of("evaluate", "models:/churn@champion", data, "--json");
        Assert.True(byAlias.ExitCode == 0, byAlias.Error);
        using var champion = JsonDocument.Parse(byAlias.Output);
        Assert.Equal("churn version 1 (champion)", champion.RootElement.GetProperty("model").GetString());
        Assert.True(Accuracy(champion.RootElement) > 0.9);

        using var challenger = JsonDocument.Parse(CliRun.Of("evaluate", "models:/churn/2", data, "--json").Output);
        Assert.Equal("churn version 2", challenger.RootElement.GetProperty("model").GetString());
        Assert.True(Accuracy(challenger.RootElement) < Accuracy(champion.RootElement));

        using var bare = JsonDocument.Parse(CliRun.Of("evaluate", "models:/churn", data, "--json").Output);
        Assert.Equal("churn version 1 (champion)", bare.RootElement.GetProperty("model").GetString());

        var scratchBefore = Directory.GetFiles(Path.GetTempPath(), "kiln-model-*");
        var predicted = CliRun.Of("predict", "models:/churn@champion", data);
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        Assert.Equal(201, predicted.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var explained = CliRun.Of("explain", "models:/churn@champion", data, "--out", Path.Combine(home.Path, "why"), "--repeats", "1", "--json");
        Assert.True(explained.ExitCode == 0, explained.Error);
        // the packages copied out of the store are gone once the commands are done
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "kiln-model-*").Except(scratchBefore));
    }

    [Fact]
    public void A_registered_model_that_is_not_there_is_an_error_naming_it()
    {
        using var home = new TemporaryKilnHome();
        var data = RegisterChampionAndWeakChallenger(home);

        var noAlias = CliRun.Of("evaluate", "models:/churn@staging", data);
        Assert.Equal(66, noAlias.ExitCode);
        Assert.Contains("no alias 'staging'", noAlias.Error);
        var noVersion = CliRun.Of("evaluate", "models:/churn/7", data);
        Assert.Equal(66, noVersion.ExitCode);
        Assert.Contains("7", noVersion.Error);
        var noModel = CliRun.Of("evaluate", "models:/retention", data);
        Assert.Equal(66, noModel.ExitCode);
        Assert.Contains("'retention'", noModel.Error);
        var noFile = CliRun.Of("evaluate", Path.Combine(home.Path, "missing.kiln"), data);
        Assert.Equal(66, noFile.ExitCode);
        Assert.Contains("missing.kiln", noFile.Error);
    }

    [Fact]
    public void A_challenger_worse_than_the_champion_fails_the_gain_check_with_exit_code_1_and_a_better_one_passes()
    {
        using var home = new TemporaryKilnHome();
        var data = RegisterChampionAndWeakChallenger(home);

        var worse = CliRun.Of("evaluate", "models:/churn@challenger", data, "--baseline", "models:/churn@champion", "--min-gain", "0", "--json");
        Assert.Equal(CliFailure.ChecksFailed, worse.ExitCode);
        using (var json = JsonDocument.Parse(worse.Output))
        {
            Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
            var check = Assert.Single(json.RootElement.GetProperty("checks").EnumerateArray());
            Assert.Equal("accuracy", check.GetProperty("scoring").GetString());
            Assert.Equal(Accuracy(json.RootElement.GetProperty("baseline")), check.GetProperty("baseline").GetDouble());
            Assert.False(check.GetProperty("passed").GetBoolean());
        }
        Assert.Contains("1 of 1 checks failed: accuracy gain over the baseline >= 0", worse.Error);

        var better = CliRun.Of("evaluate", "models:/churn@champion", data, "--baseline", "models:/churn@challenger", "--min-gain", "0.05");
        Assert.True(better.ExitCode == 0, better.Error);
        Assert.Contains("passed", better.Output);
        Assert.Contains("baseline churn version 2 (challenger)", better.Output);
    }

    [Fact]
    public void Required_scores_are_checked_with_scikit_learn_scoring_names_and_each_miss_is_reported()
    {
        using var home = new TemporaryKilnHome();
        var data = RegisterChampionAndWeakChallenger(home);

        var met = CliRun.Of("evaluate", "models:/churn@champion", data, "--require", "accuracy>=0.9", "--require", "roc_auc>=0.9");
        Assert.True(met.ExitCode == 0, met.Error);

        var missed = CliRun.Of("evaluate", "models:/churn@challenger", data, "--require", "accuracy>=0.1", "--require", "f1_macro>=0.9", "--json");
        Assert.Equal(CliFailure.ChecksFailed, missed.ExitCode);
        using var json = JsonDocument.Parse(missed.Output);
        Assert.Equal([true, false], json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("passed").GetBoolean()));
        Assert.Contains("1 of 2 checks failed: f1_macro >= 0.9", missed.Error);
    }

    [Theory]
    [InlineData("--require", "accuracy>0.9", "write SCORE>=VALUE")]
    [InlineData("--require", "acc>=0.9", "'acc' is not a scoring name")]
    [InlineData("--min-gain", "0", "give --baseline MODEL too")]
    public void A_bad_check_is_a_usage_error_naming_the_option(string option, string value, string message)
    {
        using var home = new TemporaryKilnHome();
        var data = RegisterChampionAndWeakChallenger(home);
        var run = CliRun.Of("evaluate", "models:/churn", data, option, value);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Error);
    }
}
