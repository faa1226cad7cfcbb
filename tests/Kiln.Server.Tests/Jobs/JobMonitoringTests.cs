using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Server.Jobs;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Jobs;

public class JobMonitoringTests
{
    [Fact]
    public async Task A_model_trained_by_a_job_registered_and_served_shows_drift_for_the_shifted_feature()
    {
        await using var server = await RunningServer.StartAsync(options: options => options with
        {
            Monitoring = new MonitoringOptions
            {
                Log = new PredictionLogOptions { Folder = PredictionLogOptions.FolderUnder(options.Tracking.ResolvedHome), FullRatePerSecond = int.MaxValue },
            },
        });
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(300));
        var queued = await JobData.QueueAsync(ada.Client, new TrainingJobRequest { Dataset = dataset.Id, Target = "churn", Algorithm = "decision-tree-classifier" });
        var job = await JobData.FinishedAsync(ada.Client, queued.Id);
        Assert.True(job.Status == TrainingJobStatus.Succeeded, job.Error);
        var run = await server.Tracking.Runs.GetAsync(Assert.Single(job.Runs));
        await server.Tracking.Registry.RegisterAsync("churn", NewModelVersion.FromRun(run.Id, run.Tags[RunRecorder.PackageTag]));
        // what the host's poll does every few seconds, done now
        await server.App.Services.GetRequiredService<ModelHost>().RefreshAsync();

        // usage moved far above anything seen in training; complaints and plan as they were
        var rows = new StringBuilder("[");
        for (var i = 0; i < 300; i++)
            rows.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}{{\"usage\": {300 + i % 100}, \"complaints\": {i % 6}, \"plan\": \"{(i % 3 == 0 ? "basic" : "pro")}\"}}");
        using var predicted = await server.Client.PostAsync("/api/models/churn/predict", new StringContent(rows.Append(']').ToString(), Encoding.UTF8, "application/json"));
        Assert.True(predicted.StatusCode == HttpStatusCode.OK, await predicted.Content.ReadAsStringAsync());
        var log = server.App.Services.GetRequiredService<PredictionLog>();
        for (var wait = 0; log.Counters.Offered == 0 && wait < 500; wait++) await Task.Delay(10);
        await log.FlushAsync();

        var body = await server.Client.GetFromJsonAsync<JsonElement>("/api/models/churn/monitoring?since=1h");

        var version = Assert.Single(body.GetProperty("report").GetProperty("versions").EnumerateArray());
        var features = version.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.True(features["usage"].GetProperty("drifted").GetBoolean());
        Assert.False(features["plan"].GetProperty("drifted").GetBoolean());
        Assert.StartsWith(ReferenceProfile.ArtifactFolder + "/", run.Tags[ReferenceProfile.RunTag], StringComparison.Ordinal);
    }
}
