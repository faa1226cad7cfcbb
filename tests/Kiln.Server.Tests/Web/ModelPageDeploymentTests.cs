using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiln.Server.Accounts;
using Kiln.Server.Projects;
using Kiln.Server.Deployments;
using Kiln.Server.Tests.Deployments;
using Kiln.Server.Web.Shared;
using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Serving.Tests;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Web;

public sealed class ModelPageDeploymentTests
{
    /// <summary>churn, registered from the command line so nobody owns it: version 1 champion, version 2 challenger, version 3 candidate.</summary>
    static Task<RunningServer> StartAsync() => DeploymentEndpointsTests.StartAsync();

    static UserAccess Admin() => new("admin-id", isAdmin: true, new Dictionary<string, ProjectRole>());

    static UserAccess Member(string id) => new(id, isAdmin: false, new Dictionary<string, ProjectRole>());

    [Fact]
    public async Task Only_an_admin_or_the_owner_sees_the_deployment_controls_and_others_see_the_deployment_in_force()
    {
        await using var server = await StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        await server.App.Services.GetRequiredService<ModelChanges>().SetDeploymentAsync(Admin(), "churn", new ModelDeployment("champion", "challenger", 20, "candidate"));

        var admin = await ada.Client.GetStringAsync("/models/churn");
        Assert.Contains("id=\"set-deployment\"", admin);
        Assert.Contains("id=\"remove-deployment\"", admin);
        Assert.Contains("id=\"deployment-canary-weight\"", admin);

        var member = await bob.Client.GetStringAsync("/models/churn");
        Assert.DoesNotContain("id=\"set-deployment\"", member);
        Assert.DoesNotContain("id=\"remove-deployment\"", member);
        Assert.Contains("<tr data-role=\"primary\"><td>primary</td><td>champion</td><td>1</td><td>80 %</td></tr>", member);
        Assert.Contains("<tr data-role=\"canary\"><td>canary</td><td>challenger</td><td>2</td><td>20 %</td></tr>", member);
        Assert.Contains("<td>shadow</td><td>candidate</td><td>3</td>", member);
        Assert.Matches(@"answers with version 1\s+\(the deployment&#x27;s primary, champion; version 2, the canary challenger, answers 20 % of requests\)", member);
        await Assert.ThrowsAsync<ModelChangeException>(() =>
            server.App.Services.GetRequiredService<ModelChanges>().SetDeploymentAsync(Member("bob-id"), "churn", new ModelDeployment("challenger")));
    }

    [Fact]
    public async Task Setting_a_canary_through_the_page_changes_what_the_deployment_endpoint_answers_and_removing_it_ends_it()
    {
        await using var server = await StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var changes = server.App.Services.GetRequiredService<ModelChanges>();
        Assert.Contains("No deployment", await ada.Client.GetStringAsync("/models/churn"));

        await changes.SetDeploymentAsync(Admin(), "churn", new ModelDeployment("champion", "challenger", 30));
        var read = (await ada.Client.GetFromJsonAsync<DeploymentResponse>("/api/models/churn/deployment", JsonSerializerOptions.Web))!;
        Assert.Equal(("champion", "challenger", 30, (string?)null), (read.Primary, read.Canary, read.CanaryWeight, read.Shadow));
        Assert.Equal((1, 2), (read.PrimaryVersion, read.CanaryVersion));

        await changes.DeleteDeploymentAsync(Admin(), "churn");
        using var gone = await ada.Client.GetAsync("/api/models/churn/deployment");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_refused_deployment_names_the_field_it_is_about()
    {
        await using var server = await StartAsync();
        var changes = server.App.Services.GetRequiredService<ModelChanges>();
        var weight = await Assert.ThrowsAsync<ModelChangeException>(() => changes.SetDeploymentAsync(Admin(), "churn", new ModelDeployment("champion", "challenger", 100)));
        Assert.Equal("canaryWeight", weight.Field);
        var shadow = await Assert.ThrowsAsync<ModelChangeException>(() => changes.SetDeploymentAsync(Admin(), "churn", new ModelDeployment("champion", null, 0, "nobody")));
        Assert.Equal("shadow", shadow.Field);
        Assert.Contains("shadow alias 'nobody' is not an alias of 'churn'", shadow.Message);
        var canary = await Assert.ThrowsAsync<ModelChangeException>(() => changes.SetDeploymentAsync(Admin(), "churn", new ModelDeployment("champion", "champion", 5)));
        Assert.Equal("canary", canary.Field);
    }

    [Fact]
    public async Task Deploy_makes_champion_the_primary_and_keeps_the_canary_in_force()
    {
        await using var server = await StartAsync();
        var changes = server.App.Services.GetRequiredService<ModelChanges>();
        await changes.DeployAsync(Admin(), "churn", 3);
        Assert.Equal(new ModelDeployment("champion"), await server.Store.Registry.GetDeploymentAsync("churn"));
        Assert.Equal(3, (await server.App.Services.GetRequiredService<ModelHost>().ResolveAsync(ModelReference.Parse("churn"))).Version);

        await changes.SetDeploymentAsync(Admin(), "churn", new ModelDeployment("candidate", "challenger", 10));
        await changes.DeployAsync(Admin(), "churn", 1);
        Assert.Equal(new ModelDeployment("champion", "challenger", 10), await server.Store.Registry.GetDeploymentAsync("churn"));
    }

    [Fact]
    public async Task The_traffic_split_shows_each_version_and_role_with_its_share_accuracy_and_the_shadows_agreement()
    {
        await using var server = await StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        Assert.Contains("No deployment: the bare name serves", await ada.Client.GetStringAsync("/models/churn/monitoring"));
        await server.App.Services.GetRequiredService<ModelChanges>().SetDeploymentAsync(Admin(), "churn", new ModelDeployment("champion", "challenger", 50, "candidate"));

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await server.Client.PostAsync("/api/models/churn/predict", new StringContent("""{"x":5,"y":0}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        // the shadow's predictions reach the log through the prediction feed's own task, after the shadow counts them:
        // wait until the log has been offered all 40 (20 answers, 20 shadows), which the page then flushes and reads
        var log = server.App.Services.GetRequiredService<PredictionLog>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (log.Counters.Offered < 40 && DateTime.UtcNow < deadline) await Task.Delay(20);
        using (var feedback = await server.Client.PostAsJsonAsync("/api/models/churn/feedback", new[] { new { id = ids[0], row = 0, label = "high" } }))
            Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());

        var html = await ada.Client.GetStringAsync("/models/churn/monitoring");
        Assert.Contains("Deployment in force: primary <code>champion</code>, canary challenger for 50 % of requests, shadow candidate.", html);
        Assert.Contains("data-version=\"1\" data-role=\"primary\"", html);
        Assert.Contains("data-version=\"2\" data-role=\"canary\"", html);
        Assert.Contains("data-version=\"3\" data-role=\"shadow\"", html);
        Assert.Contains("answers none", html);
        Assert.Contains("<td>1 on 1 labelled rows</td>", html);
        // with this routing seed version 1 answers 8 of the 20 requests and version 2 the other 12; the shadow, version 3
        // (threshold 0), says what version 1 says, and version 2 (threshold 10) says otherwise for x = 5
        Assert.Contains($"<td>{0.4:P1}</td>".Replace("<td>", "<span>").Replace("</td>", "</span>"), html);
        Assert.Contains($"<td>{0.4:P1} of 20 rows</td>", html);
    }

    [Fact]
    public async Task An_image_models_try_it_form_is_a_file_picker_and_its_curl_example_sends_a_file()
    {
        await using var server = await (await RunningServer.StartAsync(async (models, store) =>
        {
            await ImageNetworks.RegisterAsync(models, store, "colours", "champion");
            await models.RegisterTreeAsync(store, "churn", 0, "champion");
        })).ReadyAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");

        var image = await ada.Client.GetStringAsync("/models/colours");
        Assert.Contains("<input type=\"file\" id=\"image-files\" name=\"file\" accept=\"image/png,image/jpeg\" multiple", image);
        Assert.Contains("-F file=@picture.png", image);
        Assert.Contains("The network takes rgb images, resized to 8&#xD7;8.", image);
        Assert.DoesNotContain("id=\"field-", image);
        Assert.DoesNotContain("Content-Type: application/json", image);

        var rows = await ada.Client.GetStringAsync("/models/churn");
        Assert.DoesNotContain("id=\"image-files\"", rows);
        Assert.Contains("id=\"field-x\"", rows);
        Assert.Contains("Content-Type: application/json", rows);
    }
}
