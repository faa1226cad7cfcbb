using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

/// <summary>Runs, experiments and the registry from the command line, each test on a tracking store of its own.</summary>
[Collection(nameof(KilnHomeCollection))]
public class TrackingCommandsTests
{
    const string People = "age,income,city,bought\n25,30,Paris,no\n32,45,Lyon,no\n47,80,Paris,yes\n51,,Nice,yes\n23,28,Lyon,no\n60,90,Paris,yes\n38,50,Nice,no\n44,75,Lyon,yes\n29,35,Paris,no\n55,85,Nice,yes\n";

    static string Data(TemporaryKilnHome home)
    {
        var path = Path.Combine(home.Path, "people.csv");
        File.WriteAllText(path, People);
        return path;
    }

    static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    static string Train(TemporaryKilnHome home, string model, params string[] more) =>
        Json(CliRun.Of(["train", Data(home), "--target", "bought", "--model", model, "--out", Path.Combine(home.Path, $"{model}.kiln"), "--json", .. more]))
            .GetProperty("run").GetString()!;

    [Fact]
    public void Train_records_a_run_with_its_params_metrics_provenance_and_package()
    {
        using var home = new TemporaryKilnHome();
        var id = Train(home, "logistic-regression", "--param", "c=0.5", "--seed", "3");

        var shown = Json(CliRun.Of("runs", "show", id[..6], "--json"));
        var run = shown.GetProperty("run");
        Assert.Equal("finished", run.GetProperty("status").GetString());
        Assert.Equal("logistic-regression", run.GetProperty("params").GetProperty("model").GetString());
        Assert.Equal("0.5", run.GetProperty("params").GetProperty("logistic-regression.c").GetString());
        Assert.Equal("100", run.GetProperty("params").GetProperty("logistic-regression.max-iter").GetString());
        Assert.InRange(run.GetProperty("metrics").GetProperty("training_accuracy").GetProperty("value").GetDouble(), 0.8, 1);
        Assert.Equal(3, run.GetProperty("seed").GetInt64());
        var fingerprint = Kiln.Learn.DataFingerprint.Of(Kiln.Data.Frame.ReadCsv(Data(home)));
        Assert.Equal(fingerprint, run.GetProperty("dataFingerprint").GetString());
        Assert.StartsWith("kiln train ", run.GetProperty("command").GetString());
        Assert.StartsWith("kiln 0.", run.GetProperty("sourceVersion").GetString());
        Assert.Equal(["model/logistic-regression.kiln", "monitoring/logistic-regression.reference.json"],
            shown.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_track_records_nothing()
    {
        using var home = new TemporaryKilnHome();
        var trained = Json(CliRun.Of("train", Data(home), "--target", "bought", "--model", "gaussian-nb", "--out", Path.Combine(home.Path, "m.kiln"), "--json", "--no-track"));
        Assert.False(trained.TryGetProperty("run", out _));
        Assert.Empty(Json(CliRun.Of("runs", "list", "--json")).EnumerateArray());
    }

    [Fact]
    public void A_tracking_failure_warns_and_the_package_is_still_written()
    {
        using var home = new TemporaryKilnHome();
        var package = Path.Combine(home.Path, "m.kiln");
        Environment.SetEnvironmentVariable(Kiln.Tracking.TrackingConnection.EnvironmentVariable, "Host=127.0.0.1;Port=1;Database=kiln;Username=kiln;Timeout=2");
        try
        {
            var run = CliRun.Of("train", Data(home), "--target", "bought", "--model", "gaussian-nb", "--out", package);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("warning: tracking stopped", run.Error);
            Assert.Contains("--no-track", run.Error);
            Assert.NotNull(Kiln.Learn.ModelPackage.Load(package));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Kiln.Tracking.TrackingConnection.EnvironmentVariable, null);
        }
    }

    [Fact]
    public void A_failed_training_is_recorded_as_a_failed_run()
    {
        using var home = new TemporaryKilnHome();
        var run = CliRun.Of("train", Data(home), "--target", "bought", "--model", "gaussian-nb", "--param", "nope=1", "--out", Path.Combine(home.Path, "m.kiln"));
        Assert.Equal(64, run.ExitCode);
        var failed = Assert.Single(Json(CliRun.Of("runs", "list", "--json")).EnumerateArray());
        Assert.Equal("failed", failed.GetProperty("status").GetString());
    }

    [Fact]
    public void Runs_are_compared_deleted_and_restored()
    {
        using var home = new TemporaryKilnHome();
        var first = Train(home, "gaussian-nb");
        var second = Train(home, "logistic-regression");

        var compared = Json(CliRun.Of("runs", "compare", first[..8], second[..8], "--json"));
        Assert.Contains("model", compared.GetProperty("differingParams").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["gaussian-nb", "logistic-regression"], compared.GetProperty("params").GetProperty("model").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(2, compared.GetProperty("metrics").GetProperty("training_accuracy").GetArrayLength());
        var table = CliRun.Of("runs", "compare", first, second);
        Assert.Contains("* model", table.Output);

        Assert.Equal(0, CliRun.Of("runs", "delete", first).ExitCode);
        Assert.Equal([second], Json(CliRun.Of("runs", "list", "--json")).EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal([first], Json(CliRun.Of("runs", "list", "--deleted", "--json")).EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(0, CliRun.Of("runs", "restore", first).ExitCode);
        Assert.Equal(2, Json(CliRun.Of("runs", "list", "--json")).GetArrayLength());
    }

    [Fact]
    public void Experiments_are_created_listed_filled_and_deleted()
    {
        using var home = new TemporaryKilnHome();
        Assert.Equal(0, CliRun.Of("experiments", "create", "churn", "--tag", "team=crm").ExitCode);
        Train(home, "gaussian-nb", "--experiment", "churn");
        Train(home, "gaussian-nb");

        var experiments = Json(CliRun.Of("experiments", "list", "--json")).EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(1, experiments["churn"].GetProperty("runs").GetInt32());
        Assert.Equal("crm", experiments["churn"].GetProperty("tags").GetProperty("team").GetString());
        Assert.Single(Json(CliRun.Of("runs", "list", "--experiment", "churn", "--json")).EnumerateArray());

        var duplicate = CliRun.Of("experiments", "create", "churn");
        Assert.Equal(64, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.Error);

        Assert.Equal(0, CliRun.Of("experiments", "delete", "churn").ExitCode);
        Assert.Single(Json(CliRun.Of("runs", "list", "--json")).EnumerateArray());
        Assert.DoesNotContain(Json(CliRun.Of("experiments", "list", "--json")).EnumerateArray(), e => e.GetProperty("name").GetString() == "churn");
        Assert.Equal(0, CliRun.Of("experiments", "restore", "churn").ExitCode);
        Assert.Equal(2, Json(CliRun.Of("runs", "list", "--json")).GetArrayLength());
    }

    [Fact]
    public void A_package_is_registered_from_its_file_or_its_run_and_aliases_move()
    {
        using var home = new TemporaryKilnHome();
        var first = Train(home, "gaussian-nb");
        var second = Train(home, "logistic-regression");

        var fromFile = Json(CliRun.Of("registry", "register", "churn", Path.Combine(home.Path, "gaussian-nb.kiln"), "--alias", "champion", "--description", "first", "--json"));
        Assert.Equal((1, first), (fromFile.GetProperty("version").GetInt32(), fromFile.GetProperty("runId").GetString()));
        var fromRun = Json(CliRun.Of("registry", "register", "churn", second[..8], "--alias", "challenger", "--json"));
        Assert.Equal((2, $"runs:/{second}/model/logistic-regression.kiln"), (fromRun.GetProperty("version").GetInt32(), fromRun.GetProperty("source").GetString()));

        var moved = CliRun.Of("registry", "alias", "churn", "champion", "2");
        Assert.Contains("churn@champion is version 2", moved.Output);
        var shown = Json(CliRun.Of("registry", "show", "churn", "--json"));
        Assert.Equal(2, shown.GetProperty("model").GetProperty("aliases").GetProperty("champion").GetInt32());
        Assert.Equal(["challenger", "champion"], shown.GetProperty("versions")[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("churn", CliRun.Of("registry", "list").Output);
        Assert.Contains("churn version 2", CliRun.Of("runs", "show", second).Output);

        var reserved = CliRun.Of("registry", "alias", "churn", "latest", "1");
        Assert.Equal(64, reserved.ExitCode);
        Assert.Contains("reserved", reserved.Error);

        Assert.Equal(0, CliRun.Of("registry", "update", "churn", "--version", "1", "--description", "naive bayes", "--tag", "checked=yes").ExitCode);
        var updated = Json(CliRun.Of("registry", "show", "churn", "--json")).GetProperty("versions")[1];
        Assert.Equal(("naive bayes", "yes"), (updated.GetProperty("description").GetString(), updated.GetProperty("tags").GetProperty("checked").GetString()));

        Assert.Equal(0, CliRun.Of("registry", "delete", "churn", "--version", "1").ExitCode);
        Assert.Equal([2], Json(CliRun.Of("registry", "show", "churn", "--json")).GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(0, CliRun.Of("registry", "delete", "churn").ExitCode);
        Assert.Empty(Json(CliRun.Of("registry", "list", "--json")).EnumerateArray());
    }

    [Fact]
    public void A_package_no_run_wrote_is_registered_without_a_run_and_bad_sources_are_named()
    {
        using var home = new TemporaryKilnHome();
        var package = Path.Combine(home.Path, "m.kiln");
        Assert.Equal(0, CliRun.Of("train", Data(home), "--target", "bought", "--model", "gaussian-nb", "--out", package, "--no-track").ExitCode);
        var version = Json(CliRun.Of("registry", "register", "churn", package, "--json"));
        Assert.False(version.TryGetProperty("runId", out _));
        Assert.Equal(package, version.GetProperty("source").GetString());

        var missing = CliRun.Of("registry", "register", "churn", Path.Combine(home.Path, "none.kiln"));
        Assert.Equal(66, missing.ExitCode);
        Assert.Contains("none.kiln", missing.Error);
        var unknownRun = CliRun.Of("runs", "show", "abcd1234");
        Assert.Equal(66, unknownRun.ExitCode);
        Assert.Contains("abcd1234", unknownRun.Error);
    }

    [Fact]
    public void The_db_option_chooses_another_tracking_database()
    {
        using var home = new TemporaryKilnHome();
        Train(home, "gaussian-nb");
        var other = Path.Combine(home.Path, "other.db");
        Assert.Empty(Json(CliRun.Of("runs", "list", "--db", other, "--json")).EnumerateArray());
        Assert.True(File.Exists(other));
        Assert.Single(Json(CliRun.Of("runs", "list", "--json")).EnumerateArray());

        var unreachable = CliRun.Of("registry", "list", "--db", "Host=127.0.0.1;Port=1;Database=kiln;Username=kiln;Timeout=2");
        Assert.Equal(69, unreachable.ExitCode);
        Assert.Contains("cannot open the tracking database", unreachable.Error);
    }
}
