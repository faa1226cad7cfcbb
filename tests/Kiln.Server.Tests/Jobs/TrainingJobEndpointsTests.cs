using Kiln.Server.Accounts;
using System.Net;
using System.Net.Http.Json;
using Kiln.Serving.Monitoring;
using Kiln.Server.Jobs;
using Kiln.Tracking;

namespace Kiln.Server.Tests.Jobs;

public class TrainingJobEndpointsTests
{
    [Fact]
    public async Task A_train_job_fits_the_algorithm_and_records_a_run_tagged_with_its_owner_and_holding_the_model_package()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(80));

        var queued = await JobData.QueueAsync(ada.Client, new TrainingJobRequest
        {
            Dataset = dataset.Id, Target = "churn", Algorithm = "decision-tree-classifier", Parameters = new Dictionary<string, string> { ["max-depth"] = "3" },
        });
        Assert.Equal("customers", queued.DatasetName);
        var job = await JobData.FinishedAsync(ada.Client, queued.Id);

        Assert.True(job.Status == TrainingJobStatus.Succeeded, job.Error);
        Assert.Equal(new TrainingJobProgress("fitted decision-tree-classifier", 1, 1), job.Progress);
        var run = await server.Tracking.Runs.GetAsync(Assert.Single(job.Runs));
        Assert.Equal(RunStatus.Finished, run.Status);
        var owner = (await ada.Client.GetFromJsonAsync<Kiln.Server.Accounts.AccountSummary>("/api/account"))!.Id;
        Assert.Equal(owner, run.Tags[PlatformAccess.OwnerTag]);
        Assert.Equal(job.Id, run.Tags[JobRunRecording.JobTag]);
        Assert.Equal("3", run.Params["decision-tree-classifier.max-depth"]);
        Assert.True(run.Metrics["training_accuracy"].Value > 0.7);
        Assert.InRange(run.Metrics["held_out_accuracy"].Value, 0.5, 1.0);
        Assert.NotEqual(run.Metrics["training_accuracy"].Value, run.Metrics["held_out_accuracy"].Value);
        Assert.StartsWith("model/", run.Tags[RunRecorder.PackageTag], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Columns_a_train_job_excludes_are_left_out_of_the_models_input_schema()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(80));

        var job = await JobData.FinishedAsync(ada.Client, (await JobData.QueueAsync(ada.Client, new TrainingJobRequest
        {
            Dataset = dataset.Id, Target = "churn", Algorithm = "decision-tree-classifier", Exclude = ["plan"],
        })).Id);

        Assert.True(job.Status == TrainingJobStatus.Succeeded, job.Error);
        var run = await server.Tracking.Runs.GetAsync(Assert.Single(job.Runs));
        var package = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.kiln");
        try
        {
            await using (var artifact = await server.Tracking.Runs.OpenArtifactAsync(run.Id, run.Tags[RunRecorder.PackageTag]))
            await using (var file = File.Create(package)) await artifact.CopyToAsync(file);
            Assert.Equal(["usage", "complaints"], Kiln.Learn.ModelPackage.ReadManifest(package).InputSchema.Names);
        }
        finally
        {
            File.Delete(package);
        }
    }

    [Fact]
    public async Task A_train_job_learns_from_an_uploaded_parquet_dataset()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var dataset = await JobData.UploadAsParquetAsync(ada.Client, "customers.parquet", JobData.Customers(80));

        var job = await JobData.FinishedAsync(ada.Client,
            (await JobData.QueueAsync(ada.Client, new TrainingJobRequest { Dataset = dataset.Id, Target = "churn", Algorithm = "decision-tree-classifier" })).Id);

        Assert.True(job.Status == TrainingJobStatus.Succeeded, job.Error);
        var run = await server.Tracking.Runs.GetAsync(Assert.Single(job.Runs));
        Assert.Equal("customers", run.Tags[JobRunRecording.DataTag]);
        Assert.True(run.Metrics["training_accuracy"].Value > 0.7, "the tree learns the churn rule from the Parquet columns");
    }

    [Fact]
    public async Task A_compare_job_records_a_run_per_model_and_reports_each_model_as_progress()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(80));

        var queued = await JobData.QueueAsync(ada.Client, new TrainingJobRequest
        {
            Dataset = dataset.Id, Target = "churn", Kind = TrainingJobKind.Compare, Models = ["logistic-regression", "decision-tree-classifier"], Folds = 3,
        });
        var job = await JobData.FinishedAsync(ada.Client, queued.Id);

        Assert.True(job.Status == TrainingJobStatus.Succeeded, job.Error);
        Assert.Equal(new TrainingJobProgress("done", 2, 2), job.Progress);
        Assert.Equal(2, job.Runs.Count);
        var names = new List<string>();
        foreach (var id in job.Runs)
        {
            var run = await server.Tracking.Runs.GetAsync(id);
            names.Add(run.Name);
            Assert.True(run.Metrics.ContainsKey("cv_mean"));
            Assert.True(run.Tags.ContainsKey(RunRecorder.PackageTag));
            Assert.True(run.Tags.ContainsKey(ReferenceProfile.RunTag), $"{run.Name} has no monitoring reference");
        }
        Assert.Equal(["compare decision-tree-classifier", "compare logistic-regression"], names.Order());
    }

    [Fact]
    public async Task A_tune_job_searches_on_a_sample_dataset_and_records_the_tuned_model()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");

        var queued = await JobData.QueueAsync(ada.Client, new TrainingJobRequest
        {
            Sample = "iris", Target = "species", Kind = TrainingJobKind.Tune, Algorithm = "knn-classifier", Search = "random", Trials = 3, Folds = 3,
        });
        var job = await JobData.FinishedAsync(ada.Client, queued.Id);

        Assert.True(job.Status == TrainingJobStatus.Succeeded, job.Error);
        var run = await server.Tracking.Runs.GetAsync(Assert.Single(job.Runs));
        Assert.Equal("tune knn-classifier", run.Name);
        Assert.Contains(run.Params.Keys, k => k.StartsWith("best.", StringComparison.Ordinal));
        Assert.True(run.Metrics.ContainsKey("held_out_after"));
        Assert.Equal("iris", run.Tags[JobRunRecording.DataTag]);
        Assert.True(run.Tags.ContainsKey(ReferenceProfile.RunTag), "the tuned model has no monitoring reference");
    }

    [Fact]
    public async Task A_failed_job_keeps_its_error()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(40));

        // a regressor on a text target is only found out once the data is read
        var queued = await JobData.QueueAsync(ada.Client, new TrainingJobRequest { Dataset = dataset.Id, Target = "churn", Algorithm = "ridge" });
        var job = await JobData.FinishedAsync(ada.Client, queued.Id);

        Assert.Equal(TrainingJobStatus.Failed, job.Status);
        Assert.Contains("the target must be numeric", job.Error);
        Assert.Empty(job.Runs);
    }

    [Fact]
    public async Task A_running_job_is_cancelled_and_records_no_run()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(300));
        var queued = await JobData.QueueAsync(ada.Client, new TrainingJobRequest
        {
            Dataset = dataset.Id, Target = "churn", Kind = TrainingJobKind.Tune, Algorithm = "random-forest-classifier", Trials = TrainingJobQueue.MaxTrials,
        });
        await JobData.WaitAsync(ada.Client, queued.Id, j => j.Status == TrainingJobStatus.Running);

        var cancel = await ada.Client.PostAsync($"/api/jobs/{queued.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var job = await JobData.FinishedAsync(ada.Client, queued.Id, seconds: 30);

        Assert.Equal(TrainingJobStatus.Cancelled, job.Status);
        Assert.Empty(job.Runs);
        Assert.Equal(HttpStatusCode.Conflict, (await ada.Client.PostAsync($"/api/jobs/{queued.Id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_server_that_runs_no_jobs_keeps_them_queued_and_a_queued_job_is_cancelled_at_once()
    {
        await using var server = await RunningServer.StartAsync(options: o => o with { Jobs = new JobOptions { RunJobs = false } });
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var queued = await JobData.QueueAsync(ada.Client, new TrainingJobRequest { Sample = "iris", Target = "species", Algorithm = "gaussian-nb" });
        await Task.Delay(500);
        Assert.Equal(TrainingJobStatus.Queued, (await JobData.GetAsync(ada.Client, queued.Id)).Status);

        var cancelled = (await (await ada.Client.PostAsync($"/api/jobs/{queued.Id}/cancel", null)).Content.ReadFromJsonAsync<TrainingJobInfo>())!;

        Assert.Equal(TrainingJobStatus.Cancelled, cancelled.Status);
        Assert.True(cancelled.CancelRequested);
        Assert.Null(cancelled.StartedAt);
        Assert.NotNull(cancelled.FinishedAt);
    }

    [Fact]
    public async Task Another_user_can_neither_see_nor_cancel_a_job()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(40));
        var queued = await JobData.QueueAsync(ada.Client, new TrainingJobRequest { Dataset = dataset.Id, Target = "churn", Algorithm = "logistic-regression" });

        Assert.Empty((await bob.Client.GetFromJsonAsync<List<TrainingJobInfo>>("/api/jobs"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync($"/api/jobs/{queued.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.PostAsync($"/api/jobs/{queued.Id}/cancel", null)).StatusCode);
        // nor train on her dataset
        var refused = await bob.Client.PostAsJsonAsync("/api/jobs", new TrainingJobRequest { Dataset = dataset.Id, Target = "churn", Algorithm = "logistic-regression" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var job = await JobData.FinishedAsync(ada.Client, queued.Id);
        Assert.Equal(TrainingJobStatus.Succeeded, job.Status);
        Assert.Equal(queued.Id, Assert.Single((await ada.Client.GetFromJsonAsync<List<TrainingJobInfo>>("/api/jobs"))!).Id);
    }

    [Fact]
    public async Task An_api_key_queues_and_follows_jobs_and_no_credentials_answer_401()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var key = await ada.CreateKeyAsync("script");
        using var program = new HttpClient { BaseAddress = server.Client.BaseAddress };
        program.DefaultRequestHeaders.Add("Authorization", $"Bearer {key.Secret}");

        var queued = await JobData.QueueAsync(program, new TrainingJobRequest { Sample = "iris", Target = "species", Algorithm = "gaussian-nb" });
        Assert.Equal(TrainingJobStatus.Succeeded, (await JobData.FinishedAsync(program, queued.Id)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/api/jobs")).StatusCode);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { """{"dataset":"0000000000000000","target":"churn","algorithm":"ridge"}""", "dataset", "you have no dataset '0000000000000000'" },
        { """{"sample":"no-such-sample","target":"x","algorithm":"ridge"}""", "dataset", "no sample dataset 'no-such-sample'" },
        { """{"dataset":"DATASET","target":"price","algorithm":"ridge"}""", "target", "'price' is not a column of customers (columns: usage, complaints, plan, churn)" },
        { """{"dataset":"DATASET","target":"churn","algorithm":"deep-magic"}""", "algorithm", "no estimator named 'deep-magic'" },
        { """{"dataset":"DATASET","target":"churn","algorithm":"pca"}""", "algorithm", "'pca' is a" },
        { """{"dataset":"DATASET","target":"churn","task":"classification","algorithm":"ridge"}""", "algorithm", "'ridge' is a regressor, but the task is classification" },
        { """{"dataset":"DATASET","target":"churn","algorithm":"decision-tree-classifier","parameters":{"max-depth":"-3"}}""", "parameters.max-depth", "decision-tree-classifier: parameter 'max-depth' must be 1 ≤ value or none, not -3" },
        { """{"dataset":"DATASET","target":"churn","algorithm":"ridge","exclude":["plan","id"]}""", "exclude", "'id' is not a column of customers (columns: usage, complaints, plan, churn)" },
        { """{"dataset":"DATASET","target":"churn","algorithm":"ridge","exclude":["churn"]}""", "exclude", "'churn' is the target, which cannot be left out" },
        { """{"dataset":"DATASET","target":"churn","task":"ranking","algorithm":"ridge"}""", "task", "the task must be classification or regression" },
        { """{"dataset":"DATASET","target":"churn","kind":"tune","algorithm":"knn-classifier","search":"annealing"}""", "search", "not 'annealing'" },
        { """{"dataset":"DATASET","target":"churn","kind":"compare","models":["knn-classifier","ridge"]}""", "models", "'ridge' is a regressor, but the task is classification" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_with_a_problem_naming_the_field(string body, string field, string message)
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var dataset = await JobData.UploadAsync(ada.Client, "customers.csv", JobData.Customers(20));

        var response = await ada.Client.PostAsync("/api/jobs", new StringContent(body.Replace("DATASET", dataset.Id, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblem>())!;
        Assert.Contains(message, Assert.Single(problem.Errors[field]));
        Assert.Empty((await ada.Client.GetFromJsonAsync<List<TrainingJobInfo>>("/api/jobs"))!);
    }

    /// <summary>The parts of an RFC 9457 validation problem the tests read.</summary>
    sealed record ValidationProblem(string Title, string Detail, Dictionary<string, string[]> Errors);
}
