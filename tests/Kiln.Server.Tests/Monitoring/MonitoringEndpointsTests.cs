using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Preprocessing;
using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;
using Kiln.Server.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kiln.Server.Tests.Monitoring;

public sealed class MonitoringEndpointsTests
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A server that logs every prediction, however fast they come, so that the tests see all of them.</summary>
    static Task<RunningServer> StartAsync(Uri? webhook = null) => RunningServer.StartAsync(options: options => options with
    {
        Monitoring = new MonitoringOptions
        {
            Log = new PredictionLogOptions { Folder = PredictionLogOptions.FolderUnder(options.Tracking.ResolvedHome), FullRatePerSecond = int.MaxValue },
            Webhook = webhook,
            CheckInterval = TimeSpan.Zero,
        },
    });

    /// <summary>Registers "churn" version 1 from a run whose artifacts hold a reference: age spread evenly over 0–100, plan a/b.</summary>
    static async Task RegisterChurnAsync(RunningServer server)
    {
        var tracking = server.App.Services.GetRequiredService<TrackingStore>();
        var folder = Path.Combine(Path.GetTempPath(), "kiln-monitoring-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var rows = 1000;
            var features = new Frame(new Float64Column("age", [.. Enumerable.Range(0, rows).Select(i => i / 10.0)]),
                new StringColumn("plan", [.. Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "a" : "b")]));
            var predictions = new StringColumn("prediction", [.. Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "yes" : "no")]);
            var package = Path.Combine(folder, "churn.kiln");
            ModelPackage.Save(new StandardScaler().Fit(features.Select("age")), package, new PackageInfo { Seed = 1 });
            var reference = ReferenceProfile.PathBeside(package);
            ReferenceProfileBuilder.Build(features, predictions, null, "churn", ReferenceProfile.Classification).Save(reference);

            await using var run = await RunRecorder.StartAsync(tracking, "monitoring", new RunStart { Name = "train" });
            var artifact = (await run.LogArtifactAsync(reference, ReferenceProfile.ArtifactFolder))[0];
            await run.SetTagsAsync(new Dictionary<string, string> { [ReferenceProfile.RunTag] = artifact });
            var packageArtifact = await run.LogModelPackageAsync(package);
            await run.FinishAsync();
            await tracking.Registry.RegisterAsync("churn", NewModelVersion.FromRun(run.RunId, packageArtifact));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<List<LoggedPrediction>> LogTrafficAsync(RunningServer server, double ageShift, int count)
    {
        var log = server.App.Services.GetRequiredService<PredictionLog>();
        var logged = Enumerable.Range(0, count).Select(i => new LoggedPrediction(ServedPrediction.NewId(), "churn", 1, DateTimeOffset.UtcNow, 2,
            [new Dictionary<string, JsonElement>
            {
                ["age"] = JsonSerializer.SerializeToElement(ageShift + (i % 100)),
                ["plan"] = JsonSerializer.SerializeToElement(i % 2 == 0 ? "a" : "b"),
            }],
            [new PredictedOutput(i % 3 == 0 ? "yes" : "no", Confidence: 0.7)])).ToList();
        foreach (var prediction in logged) Assert.True(log.TryLog(prediction));
        await log.FlushAsync();
        return logged;
    }

    [Fact]
    public async Task Monitoring_shows_the_drifted_feature_the_alert_and_live_accuracy_from_feedback()
    {
        await using var server = await StartAsync();
        await RegisterChurnAsync(server);
        var logged = await LogTrafficAsync(server, ageShift: 60, count: 300);

        var feedback = logged.Take(50).Select((p, i) => new { id = p.Id, row = 0, label = i < 40 ? p.Outputs[0].Label : "other" });
        using var posted = await server.Client.PostAsJsonAsync("/api/models/churn/feedback", feedback);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(50, (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());

        var body = await server.Client.GetFromJsonAsync<JsonElement>("/api/models/churn/monitoring?since=1h");

        var report = body.GetProperty("report");
        Assert.True(report.GetProperty("alert").GetBoolean());
        var version = Assert.Single(report.GetProperty("versions").EnumerateArray());
        Assert.Equal(1, version.GetProperty("version").GetInt32());
        var features = version.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.True(features["age"].GetProperty("drifted").GetBoolean());
        Assert.False(features["plan"].GetProperty("drifted").GetBoolean());
        Assert.Equal(0.8, version.GetProperty("quality").GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(300, body.GetProperty("log").GetProperty("written").GetInt64());
    }

    [Fact]
    public async Task The_periodic_check_posts_new_alerts_to_the_webhook_once()
    {
        var received = new List<AlertMessage>();
        var hookBuilder = WebApplication.CreateSlimBuilder();
        hookBuilder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var hook = hookBuilder.Build();
        hook.MapPost("/hook", (AlertMessage message) =>
        {
            lock (received) received.Add(message);
            return Results.NoContent();
        });
        await hook.StartAsync();
        await using var server = await StartAsync(new Uri(new Uri(hook.Urls.First()), "/hook"));
        await RegisterChurnAsync(server);
        await LogTrafficAsync(server, ageShift: 60, count: 300);
        var check = server.App.Services.GetServices<IHostedService>().OfType<MonitoringCheck>().Single();

        await check.CheckAsync(CancellationToken.None);
        await check.CheckAsync(CancellationToken.None);

        var message = Assert.Single(received);
        Assert.Equal(("churn", 1), (message.Model, message.Version));
        Assert.Contains(message.Alerts, a => a.StartsWith("feature 'age' drifted", StringComparison.Ordinal));
        await hook.StopAsync();
    }

    [Fact]
    public async Task A_prediction_served_over_http_is_logged_under_the_id_it_answers_and_takes_feedback_by_it()
    {
        await using var server = await (await RunningServer.StartAsync(
            (models, store) => store.Registry.RegisterAsync("churn", new NewModelVersion { PackageFile = models.ThresholdTree("tree.kiln", 0), Aliases = ["champion"] }),
            options => options with
            {
                Monitoring = new MonitoringOptions { Log = new PredictionLogOptions { Folder = PredictionLogOptions.FolderUnder(options.Tracking.ResolvedHome), FullRatePerSecond = int.MaxValue } },
            })).ReadyAsync();

        using var predicted = await server.Client.PostAsync("/api/models/churn@champion/predict",
            new StringContent("[{\"x\": -5, \"y\": 0}, {\"x\": 5, \"y\": 1}]", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        var answer = await predicted.Content.ReadFromJsonAsync<JsonElement>();
        var id = answer.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);

        var log = server.App.Services.GetRequiredService<PredictionLog>();
        for (var wait = 0; log.Counters.Offered == 0 && wait < 500; wait++) await Task.Delay(10);
        await log.FlushAsync();
        var logged = Assert.Single(PredictionLogReader.Predictions(log.Folder, "churn"));
        Assert.Equal((id, 1), (logged.Id, logged.Version));
        Assert.Equal(["low", "high"], logged.Outputs.Select(o => o.Label));
        Assert.Equal(5.0, logged.Rows[1]["x"].GetDouble());

        using var posted = await server.Client.PostAsJsonAsync("/api/models/churn/feedback", new[] { new { id, row = 0, label = "low" }, new { id, row = 1, label = "low" } });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var body = await server.Client.GetFromJsonAsync<JsonElement>("/api/models/churn/monitoring?since=1h");
        var version = Assert.Single(body.GetProperty("report").GetProperty("versions").EnumerateArray());
        Assert.Equal(0.5, version.GetProperty("quality").GetProperty("accuracy").GetDouble(), 12);
    }

    [Fact]
    public async Task Traffic_like_the_training_data_raises_no_alert()
    {
        await using var server = await StartAsync();
        await RegisterChurnAsync(server);
        await LogTrafficAsync(server, ageShift: 0, count: 300);

        var body = await server.Client.GetFromJsonAsync<JsonElement>("/api/models/churn/monitoring");

        Assert.False(body.GetProperty("report").GetProperty("alert").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_model_is_a_404_problem()
    {
        await using var server = await StartAsync();

        using var response = await server.Client.GetAsync("/api/models/nobody/monitoring");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nobody", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feedback_without_a_label_is_a_problem_that_names_the_item()
    {
        await using var server = await StartAsync();
        await RegisterChurnAsync(server);

        using var response = await server.Client.PostAsJsonAsync("/api/models/churn/feedback", new object[] { new { id = "a", label = "yes" }, new { id = "b" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Web);
        Assert.Equal("[1].label", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_since_that_is_neither_a_time_nor_a_span_is_a_problem()
    {
        await using var server = await StartAsync();
        await RegisterChurnAsync(server);

        using var response = await server.Client.GetAsync("/api/models/churn/monitoring?since=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("30m, 24h, 7d", await response.Content.ReadAsStringAsync());
    }
}
