using System.Net;
using System.Security.Claims;
using System.Text;
using Kiln.Server.Accounts;
using Kiln.Server.Web.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Web;

public class MonitoringPageTests
{
    static async Task<(RunningServer Server, CookieSession Ada)> StartWithModelAsync()
    {
        var server = await (await RunningServer.StartAsync()).ReadyAsync();
        var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await RecordedRuns.UserIdAsync(ada);
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", id, 0.8);
        var user = new UserAccess(id, isAdmin: false, new Dictionary<string, Kiln.Server.Projects.ProjectRole>());
        await server.App.Services.GetRequiredService<ModelChanges>().RegisterRunAsync(user, run, "churn");
        return (server, ada);
    }

    [Fact]
    public async Task Before_any_prediction_the_page_says_how_to_send_one()
    {
        var (server, ada) = await StartWithModelAsync();
        await using var _ = server;
        using (ada)
        {
            var html = await ada.Client.GetStringAsync("/models/churn/monitoring");
            Assert.Contains("<title>Monitoring of churn · Kiln</title>", html);
            Assert.Contains("No predictions logged in this window", html);
        }
    }

    [Fact]
    public async Task A_prediction_shows_with_its_latency_drift_table_distribution_plots_and_the_traffic_split()
    {
        var (server, ada) = await StartWithModelAsync();
        await using var _ = server;
        using (ada)
        {
            var response = await server.Client.PostAsync("/api/models/churn/predict", new StringContent("""[{"x":50,"y":0},{"x":60,"y":1}]""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await server.Client.PostAsync("/api/models/churn/predict", new StringContent("""{"x":1}""", Encoding.UTF8, "application/json"))).StatusCode);

            var html = await ada.Client.GetStringAsync("/models/churn/monitoring");
            Assert.Contains("Version 1", html);
            Assert.Contains("1 logged requests, 2 rows", html);
            Assert.Contains("2 requests, 1 answered with an error", html);
            Assert.Contains("data-feature=\"x\"", html);
            Assert.Contains("data-feature=\"(predictions)\"", html);
            Assert.Contains("<img src=\"data:image/svg", html);
            Assert.Contains("id=\"traffic-split\"", html);
            Assert.Contains("No feedback yet", html);
        }
    }

    [Fact]
    public async Task Another_users_model_monitoring_is_a_404()
    {
        var (server, ada) = await StartWithModelAsync();
        await using var _ = server;
        using (ada)
        using (var bob = await CookieSession.SignedUpAsync(server, "bob@example.org"))
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync("/models/churn/monitoring")).StatusCode);
    }
}
