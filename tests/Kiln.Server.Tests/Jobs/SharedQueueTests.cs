using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kiln.Server.Jobs;
using Kiln.Testing;
using Kiln.Tracking;
using Kiln.Tracking.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Jobs;

public class SharedQueueTests
{
    [Fact]
    public async Task Two_servers_on_one_postgresql_database_share_the_queue_the_job_states_the_runs_and_the_cancel()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        try
        {
            using var files = new TemporaryFolder();
            var options = new ServerOptions
            {
                Port = 0, Tracking = new TrackingOptions { Home = files.Path, Database = database },
                Jobs = new JobOptions { Workers = 1, QueuePollInterval = TimeSpan.FromMilliseconds(200) },
            };
            await using var first = await RunningServer.StartAsync(options);
            await using var second = await RunningServer.StartAsync(options);
            var workers = new Dictionary<string, RunningServer>
            {
                [first.App.Services.GetRequiredService<TrainingJobRunner>().Worker] = first,
                [second.App.Services.GetRequiredService<TrainingJobRunner>().Worker] = second,
            };

            using var ada = await CookieSession.SignedUpAsync(first, "ada@example.org");
            var key = await ada.CreateKeyAsync("script");
            var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(300));
            using var onFirst = JobData.Client(first, key);
            using var onSecond = JobData.Client(second, key);

            // a long job keeps one server's only worker busy …
            var slow = await JobData.QueueAsync(onFirst, new TrainingJobRequest
            {
                Dataset = dataset.Id, Target = "churn", Kind = TrainingJobKind.Tune, Algorithm = "random-forest-classifier", Trials = TrainingJobQueue.MaxTrials,
            });
            var running = await JobData.WaitAsync(onSecond, slow.Id, j => j.Status == TrainingJobStatus.Running);
            var busy = workers[running.Worker!];
            var idle = busy == first ? second : first;

            // … so a job queued on the busy server is run by the other one
            var quick = await JobData.QueueAsync(busy == first ? onFirst : onSecond, new TrainingJobRequest { Dataset = dataset.Id, Target = "churn", Algorithm = "logistic-regression" });
            var done = await JobData.FinishedAsync(onFirst, quick.Id);
            Assert.True(done.Status == TrainingJobStatus.Succeeded, done.Error);
            Assert.Same(idle, workers[done.Worker!]);
            Assert.Equal(JsonSerializer.Serialize(done), JsonSerializer.Serialize(await JobData.GetAsync(onSecond, quick.Id)));
            var runId = Assert.Single(done.Runs);
            foreach (var client in new[] { onFirst, onSecond })
            {
                var run = await client.GetFromJsonAsync<JsonElement>($"/api/2.0/mlflow/runs/get?run_id={runId}");
                Assert.Equal("FINISHED", run.GetProperty("run").GetProperty("info").GetProperty("status").GetString());
            }

            // a cancel sent to the server that is not running the job stops it on the other
            Assert.Equal(HttpStatusCode.OK, (await (idle == first ? onFirst : onSecond).PostAsync($"/api/jobs/{slow.Id}/cancel", null)).StatusCode);
            var cancelled = await JobData.FinishedAsync(busy == first ? onFirst : onSecond, slow.Id, seconds: 30);
            Assert.Equal(TrainingJobStatus.Cancelled, cancelled.Status);
            Assert.Equal(running.Worker, cancelled.Worker);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
