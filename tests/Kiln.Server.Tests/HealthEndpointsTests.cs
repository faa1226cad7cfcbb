using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kiln.Server.Health;
using Kiln.Tracking;

namespace Kiln.Server.Tests;

public class HealthEndpointsTests
{
    [Fact]
    public async Task Health_answers_ok_with_the_version_and_the_tracking_database()
    {
        await using var server = await (await RunningServer.StartAsync()).ReadyAsync();
        var report = await server.Client.GetFromJsonAsync<HealthReport>("/health", JsonSerializerOptions.Web);
        Assert.NotNull(report);
        Assert.Equal("ok", report.Status);
        Assert.Equal("Sqlite", report.Tracking);
        Assert.False(string.IsNullOrEmpty(report.Version));
        Assert.True(report.UptimeSeconds >= 0);
        Assert.True(report.Ready);
    }

    [Fact]
    public async Task Health_lists_the_loaded_model_versions_once_ready()
    {
        await using var server = await (await RunningServer.StartAsync((models, store) =>
            store.Registry.RegisterAsync("churn", new NewModelVersion { PackageFile = models.ThresholdTree("a.kiln", 0) }))).ReadyAsync();
        var report = await server.Client.GetFromJsonAsync<HealthReport>("/health", JsonSerializerOptions.Web);
        Assert.Equal(["churn/1"], report!.Models);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_health_endpoint()
    {
        await using var server = await RunningServer.StartAsync();
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/health", out _));
    }

    [Fact]
    public async Task An_unknown_path_is_a_problem_details_404()
    {
        await using var server = await RunningServer.StartAsync();
        using var response = await server.Client.GetAsync("/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
