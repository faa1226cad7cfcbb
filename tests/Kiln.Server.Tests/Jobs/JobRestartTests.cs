using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire.InMemory;
using Kiln.Server.Accounts;
using Kiln.Server.Jobs;
using Kiln.Testing;
using Kiln.Tracking;

namespace Kiln.Server.Tests.Jobs;

/// <summary>The embedded store keeps its jobs through a restart of the server: one server is stopped, another started on the same folder.</summary>
public class JobRestartTests
{
    [Fact]
    public async Task Finished_and_failed_jobs_are_listed_with_their_progress_and_error_after_a_restart()
    {
        using var store = new TemporaryFolder();
        string before;
        CreatedApiKey key;
        await using (var first = await RunningServer.StartAsync(Options(store)))
        {
            (key, var dataset) = await SignUpWithDataAsync(first, rows: 60);
            using var ada = JobData.Client(first, key);
            var trained = await JobData.QueueAsync(ada, new TrainingJobRequest { Dataset = dataset, Target = "churn", Algorithm = "decision-tree-classifier" });
            var failing = await JobData.QueueAsync(ada, new TrainingJobRequest { Dataset = dataset, Target = "churn", Algorithm = "ridge" });
            Assert.Equal(TrainingJobStatus.Succeeded, (await JobData.FinishedAsync(ada, trained.Id)).Status);
            Assert.Equal(TrainingJobStatus.Failed, (await JobData.FinishedAsync(ada, failing.Id)).Status);
            before = await ada.GetStringAsync("/api/jobs");
        }

        await using var second = await RunningServer.StartAsync(Options(store));
        using var again = JobData.Client(second, key);
        var after = await again.GetStringAsync("/api/jobs");

        Assert.Equal(before, after);
        var jobs = JsonSerializer.Deserialize<TrainingJobInfo[]>(after, JsonSerializerOptions.Web)!;
        var failed = Assert.Single(jobs, j => j.Status == TrainingJobStatus.Failed);
        Assert.Contains("the target must be numeric", failed.Error);
        var succeeded = Assert.Single(jobs, j => j.Status == TrainingJobStatus.Succeeded);
        Assert.Equal(new TrainingJobProgress("fitted decision-tree-classifier", 1, 1), succeeded.Progress);
        Assert.Equal(RunStatus.Finished, (await second.Tracking.Runs.GetAsync(Assert.Single(succeeded.Runs))).Status);
    }

    [Fact]
    public async Task Jobs_queued_before_a_restart_run_after_it_in_their_order_and_can_still_be_cancelled()
    {
        using var store = new TemporaryFolder();
        CreatedApiKey key;
        TrainingJobInfo slow, quick, waiting;
        await using (var first = await RunningServer.StartAsync(Options(store) with { Jobs = new JobOptions { RunJobs = false } }))
        {
            (key, var dataset) = await SignUpWithDataAsync(first, rows: 300);
            using var ada = JobData.Client(first, key);
            slow = await JobData.QueueAsync(ada, new TrainingJobRequest
            {
                Dataset = dataset, Target = "churn", Kind = TrainingJobKind.Tune, Algorithm = "random-forest-classifier", Trials = TrainingJobQueue.MaxTrials,
            });
            quick = await JobData.QueueAsync(ada, new TrainingJobRequest { Dataset = dataset, Target = "churn", Algorithm = "logistic-regression" });
            waiting = await JobData.QueueAsync(ada, new TrainingJobRequest { Dataset = dataset, Target = "churn", Algorithm = "gaussian-nb" });
        }

        await using var second = await RunningServer.StartAsync(Options(store));
        using var again = JobData.Client(second, key);

        // one worker: the job queued first runs first, and the others wait behind it
        await JobData.WaitAsync(again, slow.Id, j => j.Status == TrainingJobStatus.Running);
        Assert.Equal(TrainingJobStatus.Queued, (await JobData.GetAsync(again, quick.Id)).Status);
        var cancelledWaiting = (await (await again.PostAsync($"/api/jobs/{waiting.Id}/cancel", null)).Content.ReadFromJsonAsync<TrainingJobInfo>())!;
        Assert.Equal(TrainingJobStatus.Cancelled, cancelledWaiting.Status);
        Assert.Equal(HttpStatusCode.OK, (await again.PostAsync($"/api/jobs/{slow.Id}/cancel", null)).StatusCode);
        Assert.Equal(TrainingJobStatus.Cancelled, (await JobData.FinishedAsync(again, slow.Id, seconds: 30)).Status);

        var done = await JobData.FinishedAsync(again, quick.Id);
        Assert.True(done.Status == TrainingJobStatus.Succeeded, done.Error);
        Assert.Single(done.Runs);
        Assert.Null((await JobData.GetAsync(again, waiting.Id)).StartedAt);
    }

    [Fact]
    public async Task A_job_running_when_the_server_stops_is_failed_as_interrupted_after_the_restart()
    {
        using var store = new TemporaryFolder();
        CreatedApiKey key;
        TrainingJobInfo running;
        await using (var first = await RunningServer.StartAsync(Options(store)))
        {
            (key, var dataset) = await SignUpWithDataAsync(first, rows: 300);
            using var ada = JobData.Client(first, key);
            var queued = await JobData.QueueAsync(ada, new TrainingJobRequest
            {
                Dataset = dataset, Target = "churn", Kind = TrainingJobKind.Tune, Algorithm = "random-forest-classifier", Trials = TrainingJobQueue.MaxTrials,
            });
            running = await JobData.WaitAsync(ada, queued.Id, j => j.Status == TrainingJobStatus.Running);
        }
        // the stopping server itself wrote it down, since its queue went with it
        using (var records = new SqliteJobRecords(JobsFile(store)))
            Assert.Equal(TrainingJobStore.InterruptedError, new TrainingJobStore(records, new InMemoryStorage(), queueOutlivesServer: false).Read(running.Id)!.Error);

        await using var second = await RunningServer.StartAsync(Options(store));
        using var again = JobData.Client(second, key);
        var job = await JobData.GetAsync(again, running.Id);

        Assert.Equal(TrainingJobStatus.Failed, job.Status);
        Assert.Equal(TrainingJobStore.InterruptedError, job.Error);
        Assert.Equal(running.StartedAt, job.StartedAt);
        Assert.NotNull(job.FinishedAt);
        Assert.Equal(HttpStatusCode.Conflict, (await again.PostAsync($"/api/jobs/{running.Id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_job_left_running_by_a_server_that_was_killed_is_failed_as_interrupted_and_not_run_again()
    {
        using var store = new TemporaryFolder();
        CreatedApiKey key;
        TrainingJobInfo queued;
        await using (var first = await RunningServer.StartAsync(Options(store) with { Jobs = new JobOptions { RunJobs = false } }))
        {
            (key, var dataset) = await SignUpWithDataAsync(first, rows: 60);
            using var ada = JobData.Client(first, key);
            queued = await JobData.QueueAsync(ada, new TrainingJobRequest { Dataset = dataset, Target = "churn", Algorithm = "gaussian-nb" });
        }
        // what a server killed in the middle of the job leaves behind: the job recorded as running, and nobody running it
        using (var records = new SqliteJobRecords(JobsFile(store)))
            new TrainingJobStore(records, new InMemoryStorage(), queueOutlivesServer: false).Start(queued.Id, "a server that is gone");

        await using var second = await RunningServer.StartAsync(Options(store));
        using var again = JobData.Client(second, key);
        await Task.Delay(500);
        var job = await JobData.GetAsync(again, queued.Id);

        Assert.Equal(TrainingJobStatus.Failed, job.Status);
        Assert.Equal(TrainingJobStore.InterruptedError, job.Error);
        Assert.Equal("a server that is gone", job.Worker);
        Assert.Empty(job.Runs);
    }

    [Fact]
    public async Task A_second_server_on_the_same_store_is_refused_and_the_first_one_goes_on_running_its_jobs()
    {
        using var store = new TemporaryFolder();
        await using var first = await RunningServer.StartAsync(Options(store));

        var refused = await Assert.ThrowsAsync<TrackingUnavailableException>(() => RunningServer.StartAsync(Options(store)));

        Assert.Contains("another Kiln server is running on this store", refused.Message);
        Assert.Contains(JobsFile(store), refused.Message);
        var (key, dataset) = await SignUpWithDataAsync(first, rows: 60);
        using var ada = JobData.Client(first, key);
        var queued = await JobData.QueueAsync(ada, new TrainingJobRequest { Dataset = dataset, Target = "churn", Algorithm = "gaussian-nb" });
        var job = await JobData.FinishedAsync(ada, queued.Id);
        Assert.True(job.Status == TrainingJobStatus.Succeeded, job.Error);
    }

    static string JobsFile(TemporaryFolder store) => SqliteJobRecords.FileBeside(Path.Combine(store.Path, TrackingConnection.DefaultFileName));

    static ServerOptions Options(TemporaryFolder store) => new() { Port = 0, Tracking = new TrackingOptions { Home = store.Path } };

    /// <summary>Ada signs up, makes an API key (which outlives the server) and uploads a small table; gives the key and the dataset's id.</summary>
    static async Task<(CreatedApiKey Key, string Dataset)> SignUpWithDataAsync(RunningServer server, int rows)
    {
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var key = await ada.CreateKeyAsync("script");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(rows));
        return (key, dataset.Id);
    }
}
