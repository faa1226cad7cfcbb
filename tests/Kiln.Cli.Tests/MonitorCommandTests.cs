using System.Globalization;
using System.Text.Json;
using Kiln.Data;
using Kiln.Serving;
using Kiln.Serving.Monitoring;

namespace Kiln.Cli.Tests;

/// <summary><c>kiln train</c> writes the training reference; <c>kiln monitor</c> compares logged traffic with it.</summary>
[Collection(nameof(KilnHomeCollection))]
public class MonitorCommandTests
{
    static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    /// <summary>Trains and registers "churn" from the run, and logs predictions of version 1 for the customers of <paramref name="live"/>.</summary>
    static async Task ServeTrafficAsync(TemporaryKilnHome home, string live)
    {
        var data = Path.Combine(home.Path, "customers.csv");
        File.WriteAllText(data, Customers.Csv(400));
        var trained = Json(CliRun.Of("train", data, "--target", "churn", "--model", "logistic-regression", "--out", Path.Combine(home.Path, "churn.kiln"), "--json"));
        Assert.True(File.Exists(trained.GetProperty("reference").GetString()));
        Json(CliRun.Of("registry", "register", "churn", trained.GetProperty("run").GetString()![..8], "--json"));

        var rows = CsvReader.ReadText(live);
        await using var log = new PredictionLog(new PredictionLogOptions { Folder = PredictionLogOptions.FolderUnder(home.Path), FullRatePerSecond = int.MaxValue });
        for (var row = 0; row < rows.RowCount; row++)
        {
            var inputs = rows.Columns.Where(c => c.Name != "churn").ToDictionary(c => c.Name, c => JsonSerializer.SerializeToElement(c.GetValue(row)));
            log.TryLog(new LoggedPrediction(ServedPrediction.NewId(), "churn", 1, DateTimeOffset.UtcNow, 1, [inputs], [new PredictedOutput((string?)rows["churn"].GetValue(row))]));
        }
        await log.FlushAsync();
    }

    /// <summary>The customers of <see cref="Customers.Csv"/> who have stayed much longer.</summary>
    static string LongerTenure(string csv) => string.Join('\n', csv.Split('\n').Select((line, i) =>
    {
        if (i == 0 || line.Length == 0) return line;
        var parts = line.Split(',');
        parts[1] = (int.Parse(parts[1], CultureInfo.InvariantCulture) + 60).ToString(CultureInfo.InvariantCulture);
        return string.Join(',', parts);
    }));

    [Fact]
    public async Task Monitor_shows_the_shifted_feature_as_drifted_with_an_alert()
    {
        using var home = new TemporaryKilnHome();
        await ServeTrafficAsync(home, LongerTenure(Customers.Csv(300, seed: 9)));

        var report = Json(CliRun.Of("monitor", "churn", "--since", "1h", "--json"));
        var version = Assert.Single(report.GetProperty("versions").EnumerateArray());
        var features = version.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.True(features["tenure"].GetProperty("drifted").GetBoolean());
        Assert.False(features["contract"].GetProperty("drifted").GetBoolean());
        Assert.False(features["shoe size"].GetProperty("drifted").GetBoolean());
        Assert.True(report.GetProperty("alert").GetBoolean());

        var text = CliRun.Of("monitor", "churn");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("churn version 1: 300 requests", text.Output);
        Assert.Contains("ALERT feature 'tenure' drifted", text.Output);
    }

    [Fact]
    public async Task Monitor_raises_nothing_for_traffic_like_the_training_data()
    {
        using var home = new TemporaryKilnHome();
        await ServeTrafficAsync(home, Customers.Csv(300, seed: 9));

        var text = CliRun.Of("monitor", "churn");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("no alerts", text.Output);
        Assert.DoesNotContain("ALERT", text.Output);
    }

    [Fact]
    public async Task Monitor_says_when_a_shift_has_too_few_rows_to_count_as_drift()
    {
        using var home = new TemporaryKilnHome();
        await ServeTrafficAsync(home, LongerTenure(Customers.Csv(40, seed: 9)));

        var text = CliRun.Of("monitor", "churn");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("too few rows (< 100)", text.Output);
        Assert.Contains("no alerts", text.Output);
    }

    [Fact]
    public void Monitor_names_a_model_that_is_not_registered()
    {
        using var home = new TemporaryKilnHome();

        var run = CliRun.Of("monitor", "nobody");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("nobody", run.Error);
    }
}
