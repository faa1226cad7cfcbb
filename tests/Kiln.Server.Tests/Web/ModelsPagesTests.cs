using System.Net;
using Kiln.Server.Accounts;
using Kiln.Server.Projects;
using Kiln.Server.Web.Shared;
using Kiln.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Web;

public class ModelsPagesTests
{
    static UserAccess Member(string id) => new(id, isAdmin: false, new Dictionary<string, ProjectRole>());

    [Fact]
    public async Task With_no_models_the_page_says_how_to_register_one()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var html = await ada.Client.GetStringAsync("/models");
        Assert.Contains("<title>Models · Kiln</title>", html);
        Assert.Contains("No registered models yet", html);
    }

    [Fact]
    public async Task Registering_a_runs_model_makes_a_model_its_owner_sees_and_another_user_does_not()
    {
        await using var server = await (await RunningServer.StartAsync()).ReadyAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var adaId = await RecordedRuns.UserIdAsync(ada);
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", adaId, 0.8);
        var changes = server.App.Services.GetRequiredService<ModelChanges>();
        var version = await changes.RegisterRunAsync(Member(adaId), run, "ada-secret-model");
        Assert.Equal(1, version.Version);
        Assert.Equal(adaId, (await server.Tracking.Registry.GetModelAsync("ada-secret-model")).Tags[PlatformAccess.OwnerTag]);

        Assert.Contains("ada-secret-model", await ada.Client.GetStringAsync("/models"));
        Assert.DoesNotContain("ada-secret-model", await bob.Client.GetStringAsync("/models"));
        var page = await bob.Client.GetAsync("/models/ada-secret-model");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("ada-secret-model", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_user_can_neither_deploy_nor_register_into_a_model_they_do_not_own()
    {
        await using var server = await (await RunningServer.StartAsync()).ReadyAsync();
        var changes = server.App.Services.GetRequiredService<ModelChanges>();
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", "ada-id", 0.8);
        await changes.RegisterRunAsync(Member("ada-id"), run, "churn");

        var deploy = await Assert.ThrowsAsync<ModelChangeException>(() => changes.DeployAsync(Member("bob-id"), "churn", 1));
        Assert.Contains("no model 'churn'", deploy.Message);
        var bobsRun = await RecordedRuns.TrainingAsync(server, "bob-tree", "bob-id", 0.7);
        var register = await Assert.ThrowsAsync<ModelChangeException>(() => changes.RegisterRunAsync(Member("bob-id"), bobsRun, "churn"));
        Assert.Contains("taken", register.Message);
        await changes.DeployAsync(Member("ada-id"), "churn", 1);
        Assert.Equal(1, (await server.Tracking.Registry.GetModelAsync("churn")).Aliases[ModelChanges.DeployedAlias]);
    }

    [Fact]
    public async Task Registering_a_run_another_user_keeps_private_is_refused_as_if_the_run_did_not_exist()
    {
        await using var server = await (await RunningServer.StartAsync()).ReadyAsync();
        var changes = server.App.Services.GetRequiredService<ModelChanges>();
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", "ada-id", 0.8);
        var refused = await Assert.ThrowsAsync<ModelChangeException>(() => changes.RegisterRunAsync(Member("bob-id"), run, "bobs-copy"));
        Assert.Equal($"there is no run '{run.Id}' of yours", refused.Message);
        Assert.DoesNotContain(await server.Tracking.Registry.ListModelsAsync(), m => m.Name == "bobs-copy");

        // the run as it is now counts, not as a page read it: once deleted, it registers no more
        await server.Tracking.Runs.DeleteAsync(run.Id);
        await Assert.ThrowsAsync<ModelChangeException>(() => changes.RegisterRunAsync(Member("ada-id"), run, "churn"));
    }

    [Fact]
    public async Task Deploying_moves_the_champion_and_the_endpoint_answers_with_it_at_once()
    {
        await using var server = await (await RunningServer.StartAsync()).ReadyAsync();
        var changes = server.App.Services.GetRequiredService<ModelChanges>();
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", "ada-id", 0.8);
        await changes.RegisterRunAsync(Member("ada-id"), run, "churn");
        await changes.RegisterRunAsync(Member("ada-id"), run, "churn");
        await changes.DeployAsync(Member("ada-id"), "churn", 1);
        var host = server.App.Services.GetRequiredService<ModelHost>();
        Assert.Equal(1, (await host.ResolveAsync(ModelReference.Parse("churn"))).Version);
        await changes.DeployAsync(Member("ada-id"), "churn", 2);
        Assert.Equal(2, (await host.ResolveAsync(ModelReference.Parse("churn"))).Version);
    }

    [Fact]
    public async Task The_model_page_gives_the_endpoint_a_curl_example_with_a_key_placeholder_and_a_field_per_feature()
    {
        await using var server = await (await RunningServer.StartAsync()).ReadyAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var adaId = await RecordedRuns.UserIdAsync(ada);
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", adaId, 0.8);
        await server.App.Services.GetRequiredService<ModelChanges>().RegisterRunAsync(Member(adaId), run, "churn");

        var html = await ada.Client.GetStringAsync("/models/churn");
        Assert.Contains("<title>churn · Kiln</title>", html);
        Assert.Contains($"{server.Client.BaseAddress}api/models/churn/predict", html);
        Assert.Contains("Authorization: Bearer YOUR_API_KEY", html);
        Assert.Contains("href=\"/account\"", html);
        Assert.Contains("id=\"field-x\"", html);
        Assert.Contains("id=\"field-y\"", html);
        Assert.Contains("Deploy", html);
    }

    [Fact]
    public async Task The_pages_script_for_the_try_it_form_is_served()
    {
        await using var server = await RunningServer.StartAsync();
        var response = await server.Client.GetAsync("/kiln.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("credentials: 'same-origin'", await response.Content.ReadAsStringAsync());
    }
}
