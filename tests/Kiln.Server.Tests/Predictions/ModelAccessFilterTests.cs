using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiln.Server.Accounts;
using Kiln.Server.Health;
using Kiln.Server.Predictions;
using Kiln.Server.Tests.Web;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Predictions;

public class ModelAccessFilterTests
{
    const string Row = """{"x":5,"y":0}""";

    /// <summary>A server that requires API keys, with ada's model, bob's model and a model the command line registered.</summary>
    static async Task<(RunningServer Server, CookieSession Ada, CookieSession Bob)> StartAsync()
    {
        var server = await (await RunningServer.StartAsync(options: o => o with { RequireApiKey = true })).ReadyAsync();
        var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        await RegisterAsync(server, "ada-model", await RecordedRuns.UserIdAsync(ada));
        await RegisterAsync(server, "bob-model", await RecordedRuns.UserIdAsync(bob));
        await RegisterAsync(server, "shared-model", null);
        await server.App.Services.GetRequiredService<Kiln.Serving.ModelHost>().RefreshAsync();
        return (server, ada, bob);
    }

    static async Task RegisterAsync(RunningServer server, string name, string? owner)
    {
        await server.Models.RegisterTreeAsync(server.Tracking, name, 0);
        if (owner is not null) await server.Tracking.Registry.SetModelTagAsync(name, PlatformAccess.OwnerTag, owner);
    }

    static HttpRequestMessage Predict(string model, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/models/{model}/predict") { Content = new StringContent(Row, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        return request;
    }

    static async Task AssertUnauthorizedProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Without_a_key_a_prediction_is_a_401_problem()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            using var response = await server.Client.SendAsync(Predict("shared-model", key: null));
            await AssertUnauthorizedProblemAsync(response);
        }
    }

    [Fact]
    public async Task A_revoked_key_is_a_401_problem_and_a_live_one_predicts()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            var key = await ada.CreateKeyAsync("laptop");
            using (var answered = await server.Client.SendAsync(Predict("ada-model", key.Secret)))
                Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await ada.Client.DeleteAsync($"/api/account/keys/{key.Key.Id}")).StatusCode);
            using var refused = await server.Client.SendAsync(Predict("ada-model", key.Secret));
            await AssertUnauthorizedProblemAsync(refused);
        }
    }

    [Fact]
    public async Task A_key_predicts_with_its_owners_models_and_the_shared_ones_but_another_users_model_is_not_found()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            var key = (await bob.CreateKeyAsync("ci")).Secret;
            using (var own = await server.Client.SendAsync(Predict("bob-model", key))) Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            using (var shared = await server.Client.SendAsync(Predict("shared-model", key))) Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
            using (var theirs = await server.Client.SendAsync(Predict("ada-model@champion", key))) Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);

            using var list = new HttpRequestMessage(HttpMethod.Get, "/api/models");
            list.Headers.Add(ApiKeyAuthentication.HeaderName, key);
            var listed = await (await server.Client.SendAsync(list)).Content.ReadFromJsonAsync<List<ServedModelSummary>>(JsonSerializerOptions.Web);
            Assert.Equal(["bob-model", "shared-model"], listed!.Select(m => m.Name).Order());
        }
    }

    [Fact]
    public async Task The_web_sessions_cookie_predicts_as_the_try_it_form_does()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            using var response = await ada.Client.SendAsync(Predict("ada-model", key: null));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var refused = await bob.Client.SendAsync(Predict("ada-model", key: null));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Feedback_and_monitoring_need_a_key_too()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/api/models/shared-model/monitoring")).StatusCode);
            var feedback = await server.Client.PostAsync("/api/models/shared-model/feedback", new StringContent("""[{"id":"a","label":"low"}]""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Unauthorized, feedback.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync("/api/models/ada-model/monitoring")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ada.Client.GetAsync("/api/models/ada-model/monitoring")).StatusCode);
        }
    }

    [Fact]
    public async Task A_deployment_is_changed_only_by_its_models_owner_or_an_admin()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            // ada signed up first, so she is the admin; bob is a member
            foreach (var model in new[] { "ada-model", "bob-model", "shared-model" }) await server.Tracking.Registry.SetAliasAsync(model, "champion", 1);
            var key = (await bob.CreateKeyAsync("ci")).Secret;
            using (var anonymous = await server.Client.SendAsync(Deploy("bob-model", key: null))) await AssertUnauthorizedProblemAsync(anonymous);
            using (var own = await server.Client.SendAsync(Deploy("bob-model", key))) Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            using (var shared = await server.Client.SendAsync(Deploy("shared-model", key))) Assert.Equal(HttpStatusCode.Forbidden, shared.StatusCode);
            using (var theirs = await server.Client.SendAsync(Deploy("ada-model", key))) Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            var adminKey = (await ada.CreateKeyAsync("admin")).Secret;
            using (var admin = await server.Client.SendAsync(Deploy("shared-model", adminKey))) Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }
    }

    /// <summary>Every door that names a model, as bob would knock: method, address and body with the model's name in place of NAME.</summary>
    static readonly (HttpMethod Method, string Path, string? Body, string ContentType)[] ModelDoors =
    [
        (HttpMethod.Post, "/api/models/NAME/predict", Row, "application/json"),
        (HttpMethod.Post, "/api/models/NAME@champion/predict", Row, "application/json"),
        (HttpMethod.Post, "/api/models/NAME/versions/1/predict", Row, "application/json"),
        (HttpMethod.Post, "/api/models/NAME/predict/file", "x,y\n5,0\n", "multipart/form-data"),
        (HttpMethod.Get, "/api/models/NAME/monitoring", null, ""),
        (HttpMethod.Post, "/api/models/NAME/feedback", """[{"id":"p1","row":0,"label":"low"}]""", "application/json"),
        (HttpMethod.Get, "/api/models/NAME/deployment", null, ""),
        (HttpMethod.Put, "/api/models/NAME/deployment", """{"primary":"champion"}""", "application/json"),
        (HttpMethod.Delete, "/api/models/NAME/deployment", null, ""),
    ];

    static async Task<string> KnockAsync(HttpClient client, (HttpMethod Method, string Path, string? Body, string ContentType) door, string model)
    {
        using var request = new HttpRequestMessage(door.Method, door.Path.Replace("NAME", model, StringComparison.Ordinal));
        if (door.ContentType == "multipart/form-data") request.Content = new MultipartFormDataContent { { new StringContent(door.Body!, Encoding.UTF8, "text/csv"), "file", "rows.csv" } };
        else if (door.Body is not null) request.Content = new StringContent(door.Body, Encoding.UTF8, door.ContentType);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var problem = text.StartsWith('{') ? JsonDocument.Parse(text).RootElement : default;
        string? Field(string name) => problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var value) ? value.ToString() : null;
        return $"{(int)response.StatusCode} {Field("title")} {Field("detail")?.Replace(model, "NAME", StringComparison.Ordinal)}";
    }

    [Fact]
    public async Task Another_users_private_model_answers_every_model_endpoint_exactly_as_a_missing_model_does()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            await server.Tracking.Registry.SetAliasAsync("ada-model", "champion", 1);
            foreach (var door in ModelDoors)
            {
                var theirs = await KnockAsync(bob.Client, door, "ada-model");
                var missing = await KnockAsync(bob.Client, door, "no-such-model");
                Assert.True(missing == theirs, $"{door.Method} {door.Path}: another user's model answers '{theirs}' but a missing one '{missing}'");
                Assert.True(theirs.StartsWith("404 ", StringComparison.Ordinal), $"{door.Method} {door.Path}: another user's model answers '{theirs}'");
            }
        }
    }

    [Fact]
    public async Task Predicting_with_ones_own_model_that_serves_nothing_names_no_other_users_model()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            // registered with no version, bob's model is known to the registry but served by nobody
            using (var created = await bob.Client.PostAsJsonAsync("/api/2.0/mlflow/registered-models/create", new { name = "bob-empty" }))
                Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            using var response = await bob.Client.SendAsync(Predict("bob-empty", key: null));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
            Assert.Contains("bob-empty", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("ada-model", detail, StringComparison.Ordinal);
        }
    }

    /// <summary>A project the session's user makes, with cy (signed up already) as a member in the role.</summary>
    static async Task<string> ProjectWithCyAsync(CookieSession owner, string name, string role)
    {
        var created = await owner.Client.PostAsJsonAsync("/api/projects", new { name });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PutAsJsonAsync($"/api/projects/{id}/members/cy@example.org", new { role })).StatusCode);
        return id;
    }

    [Fact]
    public async Task A_model_moved_out_of_a_project_is_refused_to_its_members_at_once()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            // bob makes a project, puts his model in it and lets cy view it
            using var cy = await CookieSession.SignedUpAsync(server, "cy@example.org");
            var project = await ProjectWithCyAsync(bob, "shared", "viewer");
            Assert.Equal(HttpStatusCode.OK, (await bob.Client.PutAsJsonAsync("/api/models/bob-model/project", new { project })).StatusCode);
            using (var seen = await cy.Client.SendAsync(Predict("bob-model", key: null))) Assert.Equal(HttpStatusCode.OK, seen.StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await bob.Client.PutAsJsonAsync("/api/models/bob-model/project", new { project = (string?)null })).StatusCode);
            using var refused = await cy.Client.SendAsync(Predict("bob-model", key: null));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_deployment_change_asks_for_the_models_project_as_it_is_now()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            await server.Tracking.Registry.SetAliasAsync("bob-model", "champion", 1);
            using var cy = await CookieSession.SignedUpAsync(server, "cy@example.org");
            var edited = await ProjectWithCyAsync(bob, "cy edits", "editor");
            var viewed = await ProjectWithCyAsync(bob, "cy views", "viewer");
            Assert.Equal(HttpStatusCode.OK, (await bob.Client.PutAsJsonAsync("/api/models/bob-model/project", new { project = edited })).StatusCode);
            using (var deployed = await cy.Client.SendAsync(Deploy("bob-model", key: null))) Assert.Equal(HttpStatusCode.OK, deployed.StatusCode);

            // moved into a project cy only views, the model is no longer cy's to deploy, at once
            Assert.Equal(HttpStatusCode.OK, (await bob.Client.PutAsJsonAsync("/api/models/bob-model/project", new { project = viewed })).StatusCode);
            using var refused = await cy.Client.SendAsync(Deploy("bob-model", key: null));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Health_names_to_each_caller_only_the_models_they_may_see()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            var anonymous = await server.Client.GetFromJsonAsync<HealthReport>("/health", JsonSerializerOptions.Web);
            Assert.True(anonymous!.Ready);
            Assert.Empty(anonymous.Models);
            var member = await bob.Client.GetFromJsonAsync<HealthReport>("/health", JsonSerializerOptions.Web);
            Assert.Equal(["bob-model/1", "shared-model/1"], member!.Models.Order());
            var admin = await ada.Client.GetFromJsonAsync<HealthReport>("/health", JsonSerializerOptions.Web);
            Assert.Equal(["ada-model/1", "bob-model/1", "shared-model/1"], admin!.Models.Order());
        }
    }

    [Fact]
    public async Task Metrics_which_name_every_users_models_are_read_by_an_admin_alone()
    {
        var (server, ada, bob) = await StartAsync();
        await using var _ = server;
        using (ada) using (bob)
        {
            using (await ada.Client.SendAsync(Predict("ada-model", key: null))) { }
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/metrics")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.GetAsync("/metrics")).StatusCode);
            using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            scrape.Headers.Authorization = new("Bearer", (await ada.CreateKeyAsync("prometheus")).Secret);
            using var scraped = await server.Client.SendAsync(scrape);
            Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
            Assert.Contains("ada-model", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    static HttpRequestMessage Deploy(string model, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/models/{model}/deployment")
        {
            Content = new StringContent("{\"primary\":\"champion\"}", Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        return request;
    }

    [Fact]
    public async Task A_server_that_does_not_require_keys_predicts_for_anyone()
    {
        await using var server = await (await RunningServer.StartAsync()).ReadyAsync();
        await RegisterAsync(server, "shared-model", null);
        await server.App.Services.GetRequiredService<Kiln.Serving.ModelHost>().RefreshAsync();
        using var response = await server.Client.SendAsync(Predict("shared-model", key: null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
