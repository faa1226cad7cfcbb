using System.Text.Json;
using Kiln.Serving;
using Kiln.Serving.Monitoring;

namespace Kiln.Cli.Tests;

/// <summary><c>kiln deploy</c> sets, shows and removes a model's deployment; <c>kiln monitor</c> shows its split.</summary>
[Collection(nameof(KilnHomeCollection))]
public class DeployCommandTests
{
    /// <summary>Registers one trained package as version 1 (champion) and version 2 (challenger) of "churn".</summary>
    static void RegisterTwoVersions(TemporaryKilnHome home)
    {
        var data = Path.Combine(home.Path, "customers.csv");
        File.WriteAllText(data, Customers.Csv(120));
        var package = Path.Combine(home.Path, "churn.kiln");
        Assert.Equal(0, CliRun.Of("train", data, "--target", "churn", "--model", "logistic-regression", "--out", package, "--no-track").ExitCode);
        Assert.Equal(0, CliRun.Of("registry", "register", "churn", package, "--alias", "champion").ExitCode);
        Assert.Equal(0, CliRun.Of("registry", "register", "churn", package, "--alias", "challenger").ExitCode);
    }

    [Fact]
    public void Deploy_sets_shows_and_removes_a_canary_and_a_shadow()
    {
        using var home = new TemporaryKilnHome();
        RegisterTwoVersions(home);

        var set = CliRun.Of("deploy", "churn", "--alias", "champion", "--canary", "challenger:10%");
        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Contains("churn: requests to the bare name go to @champion (90 %)", set.Output);
        Assert.Contains("canary @challenger: 10 % of requests", set.Output);

        Assert.Equal(0, CliRun.Of("deploy", "churn", "--alias", "champion", "--shadow", "challenger").ExitCode);
        var shown = CliRun.Of("deploy", "churn", "--show", "--json");
        using (var document = JsonDocument.Parse(shown.Output))
        {
            var deployment = document.RootElement.GetProperty("deployment");
            Assert.Equal("champion", deployment.GetProperty("primaryAlias").GetString());
            Assert.Equal("challenger", deployment.GetProperty("shadowAlias").GetString());
            Assert.False(deployment.TryGetProperty("canaryAlias", out var canary) && canary.ValueKind != JsonValueKind.Null);
        }

        Assert.Equal(0, CliRun.Of("deploy", "churn", "--remove").ExitCode);
        Assert.Contains("churn has no deployment", CliRun.Of("deploy", "churn", "--show").Output);
    }

    [Theory]
    [InlineData("--canary challenger", "write ALIAS:WEIGHT%")]
    [InlineData("--canary challenger:ten%", "not a whole number of per cent")]
    [InlineData("--canary challenger:100%", "canary weight 100 % is outside 1–99 %")]
    [InlineData("--canary champion:10%", "canary alias 'champion' is the primary alias too")]
    [InlineData("--shadow nobody", "shadow alias 'nobody' is not an alias of 'churn'; its aliases: challenger, champion")]
    public void Deploy_refuses_bad_input_with_one_clear_line(string options, string message)
    {
        using var home = new TemporaryKilnHome();
        RegisterTwoVersions(home);

        var run = CliRun.Of(["deploy", "churn", "--alias", "champion", .. options.Split(' ')]);

        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Contains("has no deployment", CliRun.Of("deploy", "churn", "--show").Output);
    }

    [Fact]
    public void Deploy_without_an_alias_or_with_show_and_remove_together_says_what_to_give()
    {
        using var home = new TemporaryKilnHome();
        RegisterTwoVersions(home);
        Assert.Contains("give --alias ALIAS", CliRun.Of("deploy", "churn").Error);
        Assert.Contains("exclude each other", CliRun.Of("deploy", "churn", "--show", "--remove").Error);
        Assert.Equal(66, CliRun.Of("deploy", "nobody", "--alias", "champion").ExitCode);
    }

    [Fact]
    public async Task Monitor_shows_requests_per_version_and_role_live_accuracy_and_the_shadows_agreement()
    {
        using var home = new TemporaryKilnHome();
        RegisterTwoVersions(home);
        Assert.Equal(0, CliRun.Of("deploy", "churn", "--alias", "champion", "--canary", "challenger:25%", "--shadow", "challenger").ExitCode);
        var folder = PredictionLogOptions.FolderUnder(home.Path);
        await using (var log = new PredictionLog(new PredictionLogOptions { Folder = folder, FullRatePerSecond = int.MaxValue }))
        {
            var row = new Dictionary<string, JsonElement> { ["tenure"] = JsonSerializer.SerializeToElement(3) };
            var feedback = new List<PredictionFeedback>();
            for (var i = 0; i < 8; i++)
            {
                var canary = i % 4 == 0;
                var id = ServedPrediction.NewId();
                log.TryLog(new LoggedPrediction(id, "churn", canary ? 2 : 1, DateTimeOffset.UtcNow, 1, [row], [new PredictedOutput("yes")])
                    { Role = canary ? ServingRole.Canary : ServingRole.Primary });
                // the shadow (version 2) agrees on half the requests
                log.TryLog(new LoggedPrediction(ServedPrediction.NewId(), "churn", 2, DateTimeOffset.UtcNow, 1, [row], [new PredictedOutput(i % 2 == 0 ? "yes" : "no")])
                    { Role = ServingRole.Shadow, ServedId = id, AgreedRows = i % 2 == 0 ? 1 : 0 });
                feedback.Add(new PredictionFeedback(id, 0, "yes", DateTimeOffset.UtcNow));
            }
            await log.FlushAsync();
            await log.AddFeedbackAsync("churn", feedback);
        }

        var report = JsonDocument.Parse(CliRun.Of("monitor", "churn", "--json").Output).RootElement;
        var roles = report.GetProperty("versions").EnumerateArray()
            .SelectMany(v => v.GetProperty("roles").EnumerateArray().Select(r => (Version: v.GetProperty("version").GetInt32(), Role: r)))
            .ToDictionary(x => (x.Version, x.Role.GetProperty("role").GetString()), x => x.Role);
        Assert.Equal(6, roles[(1, "primary")].GetProperty("requests").GetInt64());
        Assert.Equal(0.75, roles[(1, "primary")].GetProperty("share").GetDouble());
        Assert.Equal(0.25, roles[(2, "canary")].GetProperty("share").GetDouble());
        var shadow = roles[(2, "shadow")];
        Assert.Equal(8, shadow.GetProperty("requests").GetInt64());
        Assert.Equal(0.5, shadow.GetProperty("agreement").GetDouble());
        // the shadow is scored by the feedback given to the answers it shadowed
        Assert.Equal(0.5, shadow.GetProperty("quality").GetProperty("accuracy").GetDouble());
        Assert.Equal(1.0, roles[(1, "primary")].GetProperty("quality").GetProperty("accuracy").GetDouble());
        Assert.Equal("challenger", report.GetProperty("deployment").GetProperty("canaryAlias").GetString());

        var text = CliRun.Of("monitor", "churn").Output;
        Assert.Contains("deployment: primary champion, canary challenger 25 %, shadow challenger", text);
        Assert.True(text.Contains("│ shadow  │ 8        │ 8    │        │ 0.5 (8)                  │ 50.0 %", StringComparison.Ordinal), text);
    }
}
