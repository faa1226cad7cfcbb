using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiln.Server.Deployments;
using Kiln.Server.Predictions;
using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Serving.Tests;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Deployments;

public sealed class DeploymentEndpointsTests
{
    /// <summary>churn: version 1 (threshold 0) champion, version 2 (threshold 10) challenger, version 3 (threshold 0) candidate.</summary>
    static async Task Register(ServingModels models, TrackingStore store)
    {
        await models.RegisterTreeAsync(store, "churn", 0, "champion");
        await models.RegisterTreeAsync(store, "churn", 10, "challenger");
        await models.RegisterTreeAsync(store, "churn", 0, "candidate");
    }

    /// <summary>A server with a fixed routing seed that logs every prediction, however fast they come.</summary>
    internal static async Task<RunningServer> StartAsync() => await (await RunningServer.StartAsync(Register, options => options with
    {
        Serving = options.Serving with { RoutingSeed = 11, PollInterval = TimeSpan.FromMilliseconds(100) },
        Monitoring = options.Monitoring with
        {
            Log = new PredictionLogOptions { Folder = PredictionLogOptions.FolderUnder(options.Tracking.ResolvedHome), FullRatePerSecond = int.MaxValue },
            CheckInterval = TimeSpan.Zero,
        },
    })).ReadyAsync();

    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    static async Task<PredictionResponse> PredictAsync(RunningServer server, string json = """{"x":5,"y":0}""")
    {
        using var response = await server.Client.PostAsync("/api/models/churn/predict", Json(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PredictionResponse>(JsonSerializerOptions.Web))!;
    }

    static async Task<DeploymentResponse> PutAsync(RunningServer server, string json)
    {
        using var response = await server.Client.PutAsync("/api/models/churn/deployment", Json(json));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DeploymentResponse>(JsonSerializerOptions.Web))!;
    }

    [Fact]
    public async Task A_ninety_ten_canary_answers_about_a_tenth_of_a_thousand_requests_and_each_answer_names_its_version()
    {
        await using var server = await StartAsync();
        var deployment = await PutAsync(server, """{"primary":"champion","canary":"challenger","canaryWeight":10}""");
        Assert.Equal((1, 2), (deployment.PrimaryVersion, deployment.CanaryVersion));

        var answers = new List<PredictionResponse>();
        for (var i = 0; i < 1000; i++) answers.Add(await PredictAsync(server));

        var canary = answers.Count(a => a is { Version: 2, Role: "canary" });
        Assert.Equal(1000, canary + answers.Count(a => a is { Version: 1, Role: "primary" }));
        // binomial(1000, 0.1): 100 ± 9.5; ±4 standard deviations
        Assert.InRange(canary, 62, 138);
        // each version answers as itself: the champion says high for x = 5, the challenger low
        Assert.All(answers, a => Assert.Equal(a.Version == 1 ? "high" : "low", a.Predictions[0].Prediction?.ToString()));
        // an alias bypasses the deployment
        using var direct = await server.Client.PostAsync("/api/models/churn@challenger/predict", Json("""{"x":5,"y":0}"""));
        var bypassed = (await direct.Content.ReadFromJsonAsync<PredictionResponse>(JsonSerializerOptions.Web))!;
        Assert.Equal((2, (string?)null), (bypassed.Version, bypassed.Role));
    }

    [Fact]
    public async Task Shadow_answers_are_logged_as_shadow_and_never_returned()
    {
        await using var server = await StartAsync();
        await PutAsync(server, """{"primary":"champion","shadow":"challenger"}""");

        var answers = new List<PredictionResponse>();
        for (var i = 0; i < 20; i++) answers.Add(await PredictAsync(server, """[{"x":5,"y":0},{"x":15,"y":0}]"""));
        Assert.All(answers, a => Assert.Equal((1, "primary", "high"), (a.Version, a.Role, a.Predictions[0].Prediction?.ToString())));

        // a shadow prediction is counted when it is published to the feed, which hands it to the log on its own task:
        // what to wait for is the log having been offered all 40 (20 answers, 20 shadows), then flush those
        var log = server.App.Services.GetRequiredService<PredictionLog>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (log.Counters.Offered < 40 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await log.FlushAsync();
        var logged = PredictionLogReader.Predictions(log.Folder, "churn").ToList();
        var shadowed = logged.Where(p => p.Role == ServingRole.Shadow).ToList();
        Assert.Equal(20, shadowed.Count);
        Assert.Equal(answers.Select(a => a.Id).Order(), shadowed.Select(p => p.ServedId!).Order());
        // the challenger answers low for x = 5 where the champion said high, and both say high for x = 15
        Assert.All(shadowed, p => Assert.Equal((2, 1, "low"), (p.Version, p.AgreedRows, p.Outputs[0].Label)));
        Assert.Equal(20, logged.Count(p => p is { Role: ServingRole.Primary, Version: 1 }));

        using var monitoring = await server.Client.GetAsync("/api/models/churn/monitoring");
        var report = (await monitoring.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report");
        var shadowRole = report.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 2).GetProperty("roles")[0];
        Assert.Equal(("shadow", 20, 0.5), (shadowRole.GetProperty("role").GetString(), shadowRole.GetProperty("requests").GetInt32(), shadowRole.GetProperty("agreement").GetDouble()));
    }

    [Fact]
    public async Task Moving_the_deployment_swaps_the_answering_version_without_a_failed_request()
    {
        await using var server = await StartAsync();
        await PutAsync(server, """{"primary":"champion"}""");
        using var stop = new CancellationTokenSource();
        var versions = new System.Collections.Concurrent.ConcurrentBag<int>();
        var failures = 0;
        async Task ClientAsync()
        {
            using var client = new HttpClient { BaseAddress = server.Client.BaseAddress };
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.PostAsync("/api/models/churn/predict", Json("""{"x":5,"y":0}"""));
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
                else versions.Add((await response.Content.ReadFromJsonAsync<PredictionResponse>(JsonSerializerOptions.Web))!.Version);
            }
        }
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(ClientAsync)).ToList();
        // each step waits until the clients have been answered by the version it expects, not for a guessed time: a
        // loaded machine may answer no request at all in a few hundred milliseconds
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!versions.Contains(1) && DateTime.UtcNow < deadline) await Task.Delay(20);
        // through the registry, as kiln deploy does: the server follows at its next poll
        await server.Store.Registry.SetDeploymentAsync("churn", new ModelDeployment("challenger"));
        while ((await PredictAsync(server)).Version != 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await PutAsync(server, """{"primary":"candidate","canary":"challenger","canaryWeight":50}""");
        while (!versions.Contains(3) && DateTime.UtcNow < deadline) await Task.Delay(20);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Equal(0, failures);
        Assert.Equal([1, 2, 3], versions.Distinct().Order());
    }

    [Fact]
    public async Task Bad_deployments_are_problems_naming_the_field_and_reading_one_back_works()
    {
        await using var server = await StartAsync();
        async Task<JsonElement> ProblemAsync(string json, HttpStatusCode status)
        {
            using var response = await server.Client.PutAsync("/api/models/churn/deployment", Json(json));
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
        }

        Assert.Equal("canaryWeight", (await ProblemAsync("""{"primary":"champion","canary":"challenger","canaryWeight":120}""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("canaryWeight", (await ProblemAsync("""{"primary":"champion","canary":"challenger"}""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal("canary", (await ProblemAsync("""{"primary":"champion","canary":"champion","canaryWeight":5}""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        var shadow = await ProblemAsync("""{"primary":"champion","shadow":"nobody"}""", HttpStatusCode.BadRequest);
        Assert.Equal("shadow", shadow.GetProperty("field").GetString());
        Assert.Contains("shadow alias 'nobody' is not an alias of 'churn'", shadow.GetProperty("detail").GetString());
        Assert.Equal("primary", (await ProblemAsync("""{"canary":"challenger","canaryWeight":5}""", HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        using (var missing = await server.Client.PutAsync("/api/models/fraud/deployment", Json("""{"primary":"champion"}""")))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var none = await server.Client.GetAsync("/api/models/churn/deployment"))
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        await PutAsync(server, """{"primary":"champion","canary":"challenger","canaryWeight":25,"shadow":"candidate"}""");
        var read = (await server.Client.GetFromJsonAsync<DeploymentResponse>("/api/models/churn/deployment", JsonSerializerOptions.Web))!;
        Assert.Equal(new DeploymentResponse("churn", "champion", "challenger", 25, "candidate", 1, 2, 3), read);
        using (var deleted = await server.Client.DeleteAsync("/api/models/churn/deployment"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        // without a deployment the answer is as it was before deployments: the champion, and no role
        using var plain = await server.Client.PostAsync("/api/models/churn/predict", Json("""{"x":5,"y":0}"""));
        var answer = await plain.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("version").GetInt32());
        Assert.False(answer.TryGetProperty("role", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_deployment_endpoints()
    {
        await using var server = await StartAsync();
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        var path = document.RootElement.GetProperty("paths").GetProperty("/api/models/{name}/deployment");
        Assert.True(path.TryGetProperty("get", out _));
        Assert.True(path.TryGetProperty("put", out _));
        Assert.True(path.TryGetProperty("delete", out _));
    }
}
