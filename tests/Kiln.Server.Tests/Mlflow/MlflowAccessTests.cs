using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiln.Server.Accounts;
using Kiln.Server.Tests.Web;
using Kiln.Tracking;

namespace Kiln.Server.Tests.Mlflow;

public class MlflowAccessTests
{
    const string Api = "/api/2.0/mlflow";

    /// <summary>A server that requires keys; root signs up first and is the admin, ada and bob are members with a key each.</summary>
    sealed class Platform : IAsyncDisposable
    {
        public required RunningServer Server { get; init; }
        public required CookieSession Ada { get; init; }
        public required string AdaKey { get; init; }
        public required string AdaId { get; init; }
        public required string BobKey { get; init; }
        public required string BobId { get; init; }
        public required string RootKey { get; init; }

        public async ValueTask DisposeAsync()
        {
            Ada.Dispose();
            await Server.DisposeAsync();
        }
    }

    static async Task<Platform> StartAsync()
    {
        var server = await RunningServer.StartAsync(options: o => o with { RequireApiKey = true });
        using var root = await CookieSession.SignedUpAsync(server, "root@example.org");
        var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        return new Platform
        {
            Server = server, Ada = ada,
            AdaKey = (await ada.CreateKeyAsync("ada")).Secret, AdaId = await RecordedRuns.UserIdAsync(ada),
            BobKey = (await bob.CreateKeyAsync("bob")).Secret, BobId = await RecordedRuns.UserIdAsync(bob),
            RootKey = (await root.CreateKeyAsync("root")).Secret,
        };
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(HttpClient client, HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, Api + "/" + path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    static Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Platform platform, string path, string? key, object body) =>
        CallAsync(platform.Server.Client, HttpMethod.Post, path, key, body);

    static Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(Platform platform, string path, string? key) =>
        CallAsync(platform.Server.Client, HttpMethod.Get, path, key);

    static async Task<string> CreateRunAsync(Platform platform, string key, string name)
    {
        var (status, body) = await PostAsync(platform, "runs/create", key, new { experiment_id = "0", run_name = name });
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
    }

    static async Task CreateModelAsync(Platform platform, string key, string name)
    {
        var (status, _) = await PostAsync(platform, "registered-models/create", key, new { name });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    static string? TagOf(JsonElement tagged, string key) =>
        tagged.TryGetProperty("tags", out var tags) ? tags.EnumerateArray().Where(t => t.GetProperty("key").GetString() == key).Select(t => t.GetProperty("value").GetString()).FirstOrDefault() : null;

    /// <summary>Every run name a caller finds in the default experiment, one run per page so that page tokens are followed.</summary>
    static async Task<List<string>> RunNamesAsync(Platform platform, string key)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var (status, body) = await PostAsync(platform, "runs/search", key, new { experiment_ids = new[] { "0" }, max_results = 1, page_token = token });
            Assert.Equal(HttpStatusCode.OK, status);
            if (body.TryGetProperty("runs", out var runs)) names.AddRange(runs.EnumerateArray().Select(r => r.GetProperty("info").GetProperty("run_name").GetString()!));
            token = body.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return [.. names.Order()];
    }

    static async Task<List<string>> ModelNamesAsync(Platform platform, string key)
    {
        var (status, body) = await GetAsync(platform, "registered-models/search", key);
        Assert.Equal(HttpStatusCode.OK, status);
        return body.TryGetProperty("registered_models", out var models) ? [.. models.EnumerateArray().Select(m => m.GetProperty("name").GetString()!).Order()] : [];
    }

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_one_the_api_answers_mlflows_unauthenticated_401()
    {
        await using var platform = await StartAsync();
        foreach (var key in new[] { null, "kiln_not-a-key" })
        {
            var (status, body) = await PostAsync(platform, "runs/search", key, new { experiment_ids = new[] { "0" } });
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("UNAUTHENTICATED", body.GetProperty("error_code").GetString());
        }
        using var artifacts = await platform.Server.Client.GetAsync("/api/2.0/mlflow-artifacts/artifacts");
        Assert.Equal(HttpStatusCode.Unauthorized, artifacts.StatusCode);
    }

    [Fact]
    public async Task Runs_made_through_the_api_carry_their_creator_and_each_user_finds_only_their_own_and_the_shared()
    {
        await using var platform = await StartAsync();
        var adaRun = await CreateRunAsync(platform, platform.AdaKey, "ada-run");
        var bobRun = await CreateRunAsync(platform, platform.BobKey, "bob-run");
        await platform.Server.Tracking.Runs.CreateAsync(new Kiln.Tracking.RunStart { Name = "shared-run" });

        var (_, own) = await GetAsync(platform, $"runs/get?run_id={adaRun}", platform.AdaKey);
        Assert.Equal(platform.AdaId, TagOf(own.GetProperty("run").GetProperty("data"), PlatformAccess.OwnerTag));
        var (status, theirs) = await GetAsync(platform, $"runs/get?run_id={bobRun}", platform.AdaKey);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", theirs.GetProperty("error_code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(platform, $"metrics/get-history?run_id={bobRun}&metric_key=loss", platform.AdaKey)).Status);

        Assert.Equal(["ada-run", "shared-run"], await RunNamesAsync(platform, platform.AdaKey));
        Assert.Equal(["bob-run", "shared-run"], await RunNamesAsync(platform, platform.BobKey));
        Assert.Equal(["ada-run", "bob-run", "shared-run"], await RunNamesAsync(platform, platform.RootKey));
    }

    [Fact]
    public async Task Writing_to_a_run_needs_its_owner_or_an_admin_and_nobody_sets_the_owner_tag()
    {
        await using var platform = await StartAsync();
        var adaRun = await CreateRunAsync(platform, platform.AdaKey, "ada-run");
        var shared = (await platform.Server.Tracking.Runs.CreateAsync(new Kiln.Tracking.RunStart { Name = "shared-run" })).Id;
        var metric = new { key = "loss", value = 0.5, timestamp = 1700000000000, step = 0 };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(platform, "runs/log-metric", platform.AdaKey, new { run_id = adaRun, metric.key, metric.value, metric.timestamp })).Status);
        var (hidden, _) = await PostAsync(platform, "runs/log-metric", platform.BobKey, new { run_id = adaRun, metric.key, metric.value, metric.timestamp });
        Assert.Equal(HttpStatusCode.NotFound, hidden);
        var (denied, body) = await PostAsync(platform, "runs/log-batch", platform.BobKey, new { run_id = shared, metrics = new[] { metric } });
        Assert.Equal(HttpStatusCode.Forbidden, denied);
        Assert.Equal("PERMISSION_DENIED", body.GetProperty("error_code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "runs/delete", platform.BobKey, new { run_id = shared })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(platform, "runs/log-batch", platform.RootKey, new { run_id = shared, metrics = new[] { metric } })).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "runs/set-tag", platform.AdaKey, new { run_id = adaRun, key = PlatformAccess.OwnerTag, value = platform.BobId })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "runs/delete-tag", platform.AdaKey, new { run_id = adaRun, key = PlatformAccess.OwnerTag })).Status);
        var tags = new[] { new { key = PlatformAccess.OwnerTag, value = platform.AdaId } };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "runs/create", platform.BobKey, new { experiment_id = "0", tags })).Status);
        Assert.Equal(platform.AdaId, (await platform.Server.Tracking.Runs.GetAsync(adaRun)).Tags[PlatformAccess.OwnerTag]);
    }

    [Fact]
    public async Task Registered_models_are_seen_by_their_owner_and_changed_only_by_the_owner_or_an_admin()
    {
        await using var platform = await StartAsync();
        await CreateModelAsync(platform, platform.AdaKey, "ada-model");
        await CreateModelAsync(platform, platform.BobKey, "bob-model");
        await platform.Server.Tracking.Registry.CreateModelAsync("shared-model");

        var (status, own) = await GetAsync(platform, "registered-models/get?name=ada-model", platform.AdaKey);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(platform.AdaId, TagOf(own.GetProperty("registered_model"), PlatformAccess.OwnerTag));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(platform, "registered-models/get?name=bob-model", platform.AdaKey)).Status);
        Assert.Equal(["ada-model", "shared-model"], await ModelNamesAsync(platform, platform.AdaKey));
        Assert.Equal(["bob-model", "shared-model"], await ModelNamesAsync(platform, platform.BobKey));
        Assert.Equal(["ada-model", "bob-model", "shared-model"], await ModelNamesAsync(platform, platform.RootKey));

        var description = new { name = "shared-model", description = "mine now" };
        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(platform.Server.Client, HttpMethod.Patch, "registered-models/update", platform.BobKey, description)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await CallAsync(platform.Server.Client, HttpMethod.Delete, "registered-models/delete", platform.BobKey, new { name = "ada-model" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await PostAsync(platform, "registered-models/set-tag", platform.AdaKey, new { name = "ada-model", key = PlatformAccess.OwnerTag, value = platform.BobId })).Status);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(platform.Server.Client, HttpMethod.Patch, "registered-models/update", platform.RootKey, description)).Status);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(platform.Server.Client, HttpMethod.Delete, "registered-models/delete", platform.AdaKey, new { name = "ada-model" })).Status);
    }

    [Fact]
    public async Task A_model_version_needs_the_models_owner_and_a_run_the_caller_may_see()
    {
        await using var platform = await StartAsync();
        await CreateModelAsync(platform, platform.AdaKey, "ada-model");
        var adaRun = await CreateRunAsync(platform, platform.AdaKey, "ada-run");
        var bobRun = await CreateRunAsync(platform, platform.BobKey, "bob-run");

        var (status, body) = await PostAsync(platform, "model-versions/create", platform.AdaKey, new { name = "ada-model", source = $"runs:/{adaRun}/model", run_id = adaRun });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(platform.AdaId, TagOf(body.GetProperty("model_version"), PlatformAccess.OwnerTag));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(platform, "model-versions/create", platform.AdaKey,
            new { name = "ada-model", source = $"runs:/{bobRun}/model", run_id = bobRun })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(platform, "model-versions/create", platform.BobKey,
            new { name = "ada-model", source = $"runs:/{bobRun}/model", run_id = bobRun })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(platform, "model-versions/get?name=ada-model&version=1", platform.BobKey)).Status);
        var (_, found) = await GetAsync(platform, "model-versions/search", platform.BobKey);
        Assert.False(found.TryGetProperty("model_versions", out _));
    }

    [Fact]
    public async Task A_runs_artifacts_are_read_and_written_only_by_those_the_run_allows()
    {
        await using var platform = await StartAsync();
        var adaRun = await CreateRunAsync(platform, platform.AdaKey, "ada-run");
        var path = $"/api/2.0/mlflow-artifacts/artifacts/0/{adaRun}/artifacts/notes.txt";
        async Task<HttpStatusCode> SendAsync(HttpMethod method, string url, string key)
        {
            using var request = new HttpRequestMessage(method, url);
            if (method == HttpMethod.Put) request.Content = new StringContent("hello");
            request.Headers.Authorization = new("Bearer", key);
            using var response = await platform.Server.Client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Put, path, platform.AdaKey));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, path, platform.AdaKey));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(HttpMethod.Get, path, platform.BobKey));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(HttpMethod.Put, path, platform.BobKey));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Get, "/api/2.0/mlflow-artifacts/artifacts?path=0", platform.BobKey));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/2.0/mlflow-artifacts/artifacts?path=0", platform.RootKey));
    }

    [Fact]
    public async Task Experiments_are_seen_by_everyone_and_changed_by_their_creator_or_an_admin()
    {
        await using var platform = await StartAsync();
        var (created, body) = await PostAsync(platform, "experiments/create", platform.AdaKey, new { name = "ada-experiment" });
        Assert.Equal(HttpStatusCode.OK, created);
        var id = body.GetProperty("experiment_id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(platform, $"experiments/get?experiment_id={id}", platform.BobKey)).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "experiments/update", platform.BobKey, new { experiment_id = id, new_name = "bob's now" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "experiments/delete", platform.BobKey, new { experiment_id = "0" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await PostAsync(platform, "experiments/set-experiment-tag", platform.AdaKey, new { experiment_id = id, key = PlatformAccess.OwnerTag, value = platform.BobId })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(platform, "experiments/update", platform.AdaKey, new { experiment_id = id, new_name = "ada-renamed" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(platform, "experiments/delete", platform.RootKey, new { experiment_id = id })).Status);
    }

    [Fact]
    public async Task Deleting_an_experiment_that_holds_another_users_runs_is_left_to_an_admin()
    {
        await using var platform = await StartAsync();
        var (_, body) = await PostAsync(platform, "experiments/create", platform.BobKey, new { name = "bob-experiment" });
        var id = body.GetProperty("experiment_id").GetString();
        // experiments are shared: ada records her run in bob's
        var (_, created) = await PostAsync(platform, "runs/create", platform.AdaKey, new { experiment_id = id, run_name = "ada-in-bobs" });
        var adaRun = created.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;

        // deleting the experiment would delete ada's run with it, which bob may not change
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "experiments/delete", platform.BobKey, new { experiment_id = id })).Status);
        Assert.Equal(LifecycleStage.Active, (await platform.Server.Tracking.Runs.GetAsync(adaRun)).Lifecycle);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(platform, "runs/delete", platform.AdaKey, new { run_id = adaRun })).Status);
        // a deleted run would come back with a restored experiment, so it counts too
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "experiments/delete", platform.BobKey, new { experiment_id = id })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(platform, "experiments/delete", platform.RootKey, new { experiment_id = id })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(platform, "experiments/restore", platform.BobKey, new { experiment_id = id })).Status);

        // with only his own runs in it, bob deletes his experiment himself
        var (_, other) = await PostAsync(platform, "experiments/create", platform.BobKey, new { name = "bob-alone" });
        var alone = other.GetProperty("experiment_id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(platform, "runs/create", platform.BobKey, new { experiment_id = alone })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(platform, "experiments/delete", platform.BobKey, new { experiment_id = alone })).Status);
    }

    [Fact]
    public async Task The_web_sessions_cookie_and_the_x_api_key_header_are_accepted_too()
    {
        await using var platform = await StartAsync();
        await CreateRunAsync(platform, platform.AdaKey, "ada-run");
        var (status, _) = await CallAsync(platform.Ada.Client, HttpMethod.Get, "experiments/search", key: null);
        Assert.Equal(HttpStatusCode.OK, status);
        using var request = new HttpRequestMessage(HttpMethod.Post, Api + "/runs/search") { Content = JsonContent.Create(new { experiment_ids = new[] { "0" } }) };
        request.Headers.Add(ApiKeyAuthentication.HeaderName, platform.AdaKey);
        using var response = await platform.Server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
