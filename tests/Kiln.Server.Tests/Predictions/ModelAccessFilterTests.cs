using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiln.Server.Accounts;
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
