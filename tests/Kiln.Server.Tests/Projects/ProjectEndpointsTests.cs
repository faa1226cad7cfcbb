using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Kiln.Server.Accounts;
using Kiln.Server.Datasets;
using Kiln.Server.Jobs;
using Kiln.Server.Projects;
using Kiln.Server.Tests.Jobs;
using Kiln.Server.Tests.Web;
using Kiln.Server.Web.Shared;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Projects;

public class ProjectEndpointsTests
{
    const string Row = """{"usage": 12.5, "complaints": 4, "plan": "basic"}""";

    /// <summary>A server that requires keys; root signs up first (the admin), then ada, bob and cy, members each with a key.</summary>
    sealed class Platform : IAsyncDisposable
    {
        public required RunningServer Server { get; init; }
        public required CookieSession Ada { get; init; }
        public required CookieSession Bob { get; init; }
        public required CookieSession Cy { get; init; }
        public required string AdaId { get; init; }
        public required string BobKey { get; init; }
        public required string CyKey { get; init; }
        public required string AdaKey { get; init; }

        public async ValueTask DisposeAsync()
        {
            Ada.Dispose();
            Bob.Dispose();
            Cy.Dispose();
            await Server.DisposeAsync();
        }
    }

    static async Task<Platform> StartAsync()
    {
        var server = await (await RunningServer.StartAsync(options: o => o with { RequireApiKey = true })).ReadyAsync();
        using var root = await CookieSession.SignedUpAsync(server, "root@example.org");
        var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var cy = await CookieSession.SignedUpAsync(server, "cy@example.org");
        return new Platform
        {
            Server = server, Ada = ada, Bob = bob, Cy = cy, AdaId = await RecordedRuns.UserIdAsync(ada),
            AdaKey = (await ada.CreateKeyAsync("ada")).Secret, BobKey = (await bob.CreateKeyAsync("bob")).Secret, CyKey = (await cy.CreateKeyAsync("cy")).Secret,
        };
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 || !text.TrimStart().StartsWith('{') && !text.TrimStart().StartsWith('[') ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    static Task<(HttpStatusCode Status, JsonElement Body)> PredictAsync(Platform platform, string key) =>
        SendAsync(platform.Server.Client, HttpMethod.Post, "/api/models/churn/predict", Row, key);

    static Task<(HttpStatusCode Status, JsonElement Body)> MlflowRunAsync(Platform platform, string runId, string key) =>
        SendAsync(platform.Server.Client, HttpMethod.Get, $"/api/2.0/mlflow/runs/get?run_id={runId}", key: key);

    static async Task<string> TrainedRunAsync(CookieSession session, string dataset)
    {
        var job = await JobData.FinishedAsync(session.Client, (await JobData.QueueAsync(session.Client, new TrainingJobRequest
        {
            Dataset = dataset, Target = "churn", Algorithm = "decision-tree-classifier", Parameters = new Dictionary<string, string> { ["max-depth"] = "3" },
        })).Id);
        Assert.True(job.Status == TrainingJobStatus.Succeeded, job.Error);
        return Assert.Single(job.Runs);
    }

    /// <summary>Registers the run's model as ada does from the run page.</summary>
    static async Task RegisterAsync(Platform platform, string runId, string name)
    {
        var services = platform.Server.App.Services;
        var ada = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, platform.AdaId)], "test"));
        var access = await services.GetRequiredService<PlatformAccess>().ForAsync(ada);
        await services.GetRequiredService<ModelChanges>().RegisterRunAsync(access, await platform.Server.Tracking.Runs.GetAsync(runId), name);
    }

    [Fact]
    public async Task A_project_shares_its_dataset_runs_and_model_with_members_by_role_and_hands_them_back_when_deleted()
    {
        await using var platform = await StartAsync();
        var (ada, bob, cy, client) = (platform.Ada.Client, platform.Bob.Client, platform.Cy.Client, platform.Server.Client);

        var (status, created) = await SendAsync(ada, HttpMethod.Post, "/api/projects", new { name = "churn" });
        Assert.Equal(HttpStatusCode.Created, status);
        var project = created.GetProperty("id").GetString()!;
        Assert.Equal("owner", created.GetProperty("yourRole").GetString());
        Assert.Equal("ada@example.org", created.GetProperty("ownerEmail").GetString());

        var shared = await JobData.UploadAsync(ada, "customers.csv", JobData.Customers(80));
        var secret = await JobData.UploadAsync(ada, "secret.csv", JobData.Customers(30));
        var (moved, movedBody) = await SendAsync(ada, HttpMethod.Put, $"/api/datasets/{shared.Id}/project", new { project });
        Assert.Equal(HttpStatusCode.OK, moved);
        Assert.Equal(project, movedBody.GetProperty("projectId").GetString());

        Assert.Contains("The runs will be recorded in the project", await ada.GetStringAsync($"/train?dataset={shared.Id}"), StringComparison.Ordinal);
        Assert.Contains("The runs will be private to you", await ada.GetStringAsync($"/train?dataset={secret.Id}"), StringComparison.Ordinal);

        // a job on the project's dataset records into the project, and the model registered from its run lands there too
        var run = await TrainedRunAsync(platform.Ada, shared.Id);
        Assert.Equal(project, (await platform.Server.Tracking.Runs.GetAsync(run)).Tags[PlatformAccess.ProjectTag]);
        await RegisterAsync(platform, run, "churn");
        Assert.Equal(project, (await platform.Server.Tracking.Registry.GetModelAsync("churn")).Tags[PlatformAccess.ProjectTag]);
        await platform.Server.App.Services.GetRequiredService<Kiln.Serving.ModelHost>().RefreshAsync();
        var projectPage = await ada.GetStringAsync($"/projects/{project}");
        Assert.Contains($"/runs/{run}", projectPage, StringComparison.Ordinal);
        Assert.Contains("/models/churn", projectPage, StringComparison.Ordinal);
        Assert.Contains($"/datasets/{shared.Id}", projectPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/datasets/{secret.Id}", projectPage, StringComparison.Ordinal);

        // cy is no member: the project and everything in it do not exist for him
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(cy, HttpMethod.Get, $"/api/projects/{project}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(cy, HttpMethod.Get, $"/api/datasets/{shared.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PredictAsync(platform, platform.CyKey)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await MlflowRunAsync(platform, run, platform.CyKey)).Status);

        // bob joins as a viewer: he sees and predicts, and changes nothing
        var (unknown, unknownBody) = await SendAsync(ada, HttpMethod.Put, $"/api/projects/{project}/members/nobody@example.org", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("nobody@example.org", unknownBody.GetProperty("errors").GetProperty("user")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(ada, HttpMethod.Put, $"/api/projects/{project}/members/bob@example.org", new { role = "boss" })).Status);
        var (added, addedBody) = await SendAsync(ada, HttpMethod.Put, $"/api/projects/{project}/members/bob@example.org", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.OK, added);
        Assert.Equal("viewer", Assert.Single(addedBody.GetProperty("members").EnumerateArray()).GetProperty("role").GetString());

        var bobsProjects = await bob.GetFromJsonAsync<JsonElement>("/api/projects");
        Assert.Equal("viewer", Assert.Single(bobsProjects.EnumerateArray()).GetProperty("yourRole").GetString());
        var bobsDatasets = (await bob.GetFromJsonAsync<List<DatasetInfo>>("/api/datasets"))!;
        Assert.Equal([shared.Id], bobsDatasets.Select(d => d.Id));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(bob, HttpMethod.Get, $"/api/datasets/{shared.Id}/preview")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(bob, HttpMethod.Get, $"/api/datasets/{secret.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await MlflowRunAsync(platform, run, platform.BobKey)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(platform, platform.BobKey)).Status);
        var job = Assert.Single((await bob.GetFromJsonAsync<List<TrainingJobInfo>>("/api/jobs"))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bob, HttpMethod.Post, $"/api/jobs/{job.Id}/cancel")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(cy, HttpMethod.Get, $"/api/jobs/{job.Id}")).Status);
        // and so do the pages: the run, model and project shown without the controls that change them
        var runPage = await bob.GetStringAsync($"/runs/{run}");
        Assert.Contains("(you are a viewer)", runPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Register this model", runPage, StringComparison.Ordinal);
        Assert.Contains("You can use it but not change it.", await bob.GetStringAsync("/models/churn"), StringComparison.Ordinal);
        Assert.Contains(">churn</a>", await bob.GetStringAsync("/models"), StringComparison.Ordinal);
        Assert.DoesNotContain("Delete project", await bob.GetStringAsync($"/projects/{project}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await cy.GetAsync($"/runs/{run}")).StatusCode);
        Assert.Contains("Project not found", await cy.GetStringAsync($"/projects/{project}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bob, HttpMethod.Delete, $"/api/datasets/{shared.Id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bob, HttpMethod.Put, $"/api/runs/{run}/project", new { project = (string?)null })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bob, HttpMethod.Put, "/api/models/churn/deployment", new { primary = "champion" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bob, HttpMethod.Post, "/api/jobs", new { dataset = shared.Id, target = "churn", algorithm = "gaussian-nb" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bob, HttpMethod.Patch, $"/api/projects/{project}", new { name = "mine now" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await SendAsync(client, HttpMethod.Post, "/api/2.0/mlflow/registered-models/alias", new { name = "churn", alias = "champion", version = "1" }, platform.BobKey)).Status);

        // promoted to editor, bob deploys the model and trains into the project
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(ada, HttpMethod.Put, $"/api/projects/{project}/members/bob@example.org", new { role = "editor" })).Status);
        Assert.Equal(HttpStatusCode.OK,
            (await SendAsync(client, HttpMethod.Post, "/api/2.0/mlflow/registered-models/alias", new { name = "churn", alias = "champion", version = "1" }, platform.BobKey)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(bob, HttpMethod.Put, "/api/models/churn/deployment", new { primary = "champion" })).Status);
        var bobsRun = await platform.Server.Tracking.Runs.GetAsync(await TrainedRunAsync(platform.Bob, shared.Id));
        Assert.Equal(project, bobsRun.Tags[PlatformAccess.ProjectTag]);
        Assert.NotEqual(platform.AdaId, bobsRun.Tags[PlatformAccess.OwnerTag]);
        Assert.Equal(HttpStatusCode.OK, (await MlflowRunAsync(platform, bobsRun.Id, platform.AdaKey)).Status);

        // removed, bob sees none of it again, as if it never existed
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(ada, HttpMethod.Delete, $"/api/projects/{project}/members/bob@example.org")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(bob, HttpMethod.Get, $"/api/datasets/{shared.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(bob, HttpMethod.Get, $"/api/projects/{project}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PredictAsync(platform, platform.BobKey)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await MlflowRunAsync(platform, run, platform.BobKey)).Status);

        // deleting the project hands everything back to its owner, private
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(ada, HttpMethod.Put, $"/api/projects/{project}/members/cy@example.org", new { role = "viewer" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(cy, HttpMethod.Get, $"/api/datasets/{shared.Id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(cy, HttpMethod.Delete, $"/api/projects/{project}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(ada, HttpMethod.Delete, $"/api/projects/{project}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(cy, HttpMethod.Get, $"/api/datasets/{shared.Id}")).Status);
        Assert.Null((await ada.GetFromJsonAsync<DatasetInfo>($"/api/datasets/{shared.Id}"))!.ProjectId);
        Assert.False((await platform.Server.Tracking.Runs.GetAsync(run)).Tags.ContainsKey(PlatformAccess.ProjectTag));
        Assert.False((await platform.Server.Tracking.Registry.GetModelAsync("churn")).Tags.ContainsKey(PlatformAccess.ProjectTag));
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync(platform, platform.AdaKey)).Status);
        Assert.Empty((await ada.GetFromJsonAsync<JsonElement>("/api/projects")).EnumerateArray());
    }

    [Fact]
    public async Task A_job_that_waited_while_its_owner_became_a_viewer_fails_saying_so_and_records_nothing()
    {
        await using var platform = await StartAsync();
        var (project, dataset) = await ProjectWithDatasetAsync(platform);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(platform.Ada.Client, HttpMethod.Put, $"/api/projects/{project}/members/bob@example.org", new { role = "editor" })).Status);

        var job = await WaitingJobAsync(platform, dataset, platform.Bob.Client,
            () => SendAsync(platform.Ada.Client, HttpMethod.Put, $"/api/projects/{project}/members/bob@example.org", new { role = "viewer" }));

        Assert.Equal(TrainingJobStatus.Failed, job.Status);
        Assert.Equal("dataset 'customers' is in a project where you are a viewer; only its owner and editors train on it", job.Error);
        Assert.Empty(job.Runs);
        var bobId = await RecordedRuns.UserIdAsync(platform.Bob);
        Assert.DoesNotContain(await platform.Server.Tracking.Runs.SearchAsync(), r => r.Tags.GetValueOrDefault(PlatformAccess.OwnerTag) == bobId);
    }

    [Fact]
    public async Task An_admins_job_into_a_project_deleted_while_it_waited_fails_saying_so()
    {
        await using var platform = await StartAsync();
        var (project, dataset) = await ProjectWithDatasetAsync(platform);
        using var root = new CookieSession(platform.Server);
        Assert.Equal(HttpStatusCode.Redirect, (await root.SignInAsync("root@example.org")).StatusCode);

        var job = await WaitingJobAsync(platform, dataset, root.Client, () => SendAsync(platform.Ada.Client, HttpMethod.Delete, $"/api/projects/{project}"));

        Assert.Equal(TrainingJobStatus.Failed, job.Status);
        Assert.Equal(JobOwnerCheck.LostProjectError, job.Error);
        Assert.Empty(job.Runs);
    }

    /// <summary>A project of ada's holding her dataset of 300 customers.</summary>
    static async Task<(string Project, string Dataset)> ProjectWithDatasetAsync(Platform platform)
    {
        var project = (await SendAsync(platform.Ada.Client, HttpMethod.Post, "/api/projects", new { name = "churn" })).Body.GetProperty("id").GetString()!;
        var dataset = await JobData.UploadAsync(platform.Ada.Client, "customers.csv", JobData.Customers(300));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(platform.Ada.Client, HttpMethod.Put, $"/api/datasets/{dataset.Id}/project", new { project })).Status);
        return (project, dataset.Id);
    }

    /// <summary>
    /// Queues a job for <paramref name="client"/> while ada's long search holds the one worker, makes the change while it
    /// waits, then lets it run; the job as it finished.
    /// </summary>
    static async Task<TrainingJobInfo> WaitingJobAsync(Platform platform, string dataset, HttpClient client, Func<Task<(HttpStatusCode Status, JsonElement Body)>> change)
    {
        var ada = platform.Ada.Client;
        var slow = await JobData.QueueAsync(ada, new TrainingJobRequest
        {
            Dataset = dataset, Target = "churn", Kind = TrainingJobKind.Tune, Algorithm = "random-forest-classifier", Trials = TrainingJobQueue.MaxTrials,
        });
        await JobData.WaitAsync(ada, slow.Id, j => j.Status == TrainingJobStatus.Running);
        var waiting = await JobData.QueueAsync(client, new TrainingJobRequest { Dataset = dataset, Target = "churn", Algorithm = "gaussian-nb" });
        Assert.True((await change()).Status is HttpStatusCode.OK or HttpStatusCode.NoContent);
        Assert.Equal(TrainingJobStatus.Queued, (await JobData.GetAsync(client, waiting.Id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(ada, HttpMethod.Post, $"/api/jobs/{slow.Id}/cancel")).Status);
        return await JobData.FinishedAsync(client, waiting.Id);
    }

    [Fact]
    public async Task A_project_name_is_required_and_unique_among_its_owners_projects()
    {
        await using var platform = await StartAsync();
        var ada = platform.Ada.Client;
        var (blank, blankBody) = await SendAsync(ada, HttpMethod.Post, "/api/projects", new { name = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, blank);
        Assert.Equal("give the project a name", blankBody.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(ada, HttpMethod.Post, "/api/projects", new { name = new string('x', 101) })).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(ada, HttpMethod.Post, "/api/projects", new { name = "churn" })).Status);
        var (taken, takenBody) = await SendAsync(ada, HttpMethod.Post, "/api/projects", new { name = "churn" });
        Assert.Equal(HttpStatusCode.Conflict, taken);
        Assert.True(takenBody.GetProperty("errors").TryGetProperty("name", out _));

        var retention = (await SendAsync(ada, HttpMethod.Post, "/api/projects", new { name = "retention" })).Body.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(ada, HttpMethod.Patch, $"/api/projects/{retention}", new { name = "churn" })).Status);
        var (renamed, renamedBody) = await SendAsync(ada, HttpMethod.Patch, $"/api/projects/{retention}", new { name = "retention 2027" });
        Assert.Equal(HttpStatusCode.OK, renamed);
        Assert.Equal("retention 2027", renamedBody.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(platform.Bob.Client, HttpMethod.Patch, $"/api/projects/{retention}", new { name = "bob's now" })).Status);
        // another owner may use the same name
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(platform.Bob.Client, HttpMethod.Post, "/api/projects", new { name = "churn" })).Status);
    }

    [Fact]
    public async Task A_caller_cannot_set_or_delete_the_project_tag_through_the_mlflow_api()
    {
        await using var platform = await StartAsync();
        var client = platform.Server.Client;
        var (_, created) = await SendAsync(client, HttpMethod.Post, "/api/2.0/mlflow/runs/create", new { experiment_id = "0" }, platform.AdaKey);
        var runId = created.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString();

        Assert.Equal(HttpStatusCode.Forbidden,
            (await SendAsync(client, HttpMethod.Post, "/api/2.0/mlflow/runs/set-tag", new { run_id = runId, key = PlatformAccess.ProjectTag, value = "x" }, platform.AdaKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await SendAsync(client, HttpMethod.Post, "/api/2.0/mlflow/runs/delete-tag", new { run_id = runId, key = PlatformAccess.ProjectTag }, platform.AdaKey)).Status);
        var tags = new[] { new { key = PlatformAccess.ProjectTag, value = "x" } };
        Assert.Equal(HttpStatusCode.Forbidden,
            (await SendAsync(client, HttpMethod.Post, "/api/2.0/mlflow/runs/create", new { experiment_id = "0", tags }, platform.AdaKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await SendAsync(client, HttpMethod.Post, "/api/2.0/mlflow/registered-models/create", new { name = "sneaky", tags }, platform.AdaKey)).Status);
    }

    [Fact]
    public async Task Moving_into_a_project_one_is_not_in_or_only_views_is_refused()
    {
        await using var platform = await StartAsync();
        var (_, bobs) = await SendAsync(platform.Bob.Client, HttpMethod.Post, "/api/projects", new { name = "bob's" });
        var bobsProject = bobs.GetProperty("id").GetString()!;
        var dataset = await JobData.UploadAsync(platform.Ada.Client, "customers.csv", JobData.Customers(30));

        var (notIn, notInBody) = await SendAsync(platform.Ada.Client, HttpMethod.Put, $"/api/datasets/{dataset.Id}/project", new { project = bobsProject });
        Assert.Equal(HttpStatusCode.BadRequest, notIn);
        Assert.True(notInBody.GetProperty("errors").TryGetProperty("project", out _));

        await SendAsync(platform.Bob.Client, HttpMethod.Put, $"/api/projects/{bobsProject}/members/ada@example.org", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(platform.Ada.Client, HttpMethod.Put, $"/api/datasets/{dataset.Id}/project", new { project = bobsProject })).Status);

        await SendAsync(platform.Bob.Client, HttpMethod.Put, $"/api/projects/{bobsProject}/members/ada@example.org", new { role = "editor" });
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(platform.Ada.Client, HttpMethod.Put, $"/api/datasets/{dataset.Id}/project", new { project = bobsProject })).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(platform.Bob.Client, HttpMethod.Get, $"/api/datasets/{dataset.Id}")).Status);
        // an editor moves it back out; its owner keeps it
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(platform.Bob.Client, HttpMethod.Put, $"/api/datasets/{dataset.Id}/project", new { project = (string?)null })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(platform.Bob.Client, HttpMethod.Get, $"/api/datasets/{dataset.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(platform.Ada.Client, HttpMethod.Get, $"/api/datasets/{dataset.Id}")).Status);
    }
}
