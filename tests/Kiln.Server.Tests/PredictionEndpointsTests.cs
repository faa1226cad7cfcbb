using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiln.Server.Predictions;
using Kiln.Serving;
using Kiln.Serving.Tests;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests;

public class PredictionEndpointsTests
{
    /// <summary>churn: version 1 (threshold 0) is the champion, version 2 (threshold 10) the challenger.</summary>
    static async Task Register(ServingModels models, TrackingStore store)
    {
        await store.Registry.RegisterAsync("churn", new NewModelVersion { PackageFile = models.ThresholdTree("a.kiln", 0), Aliases = ["champion"] });
        await store.Registry.RegisterAsync("churn", new NewModelVersion { PackageFile = models.ThresholdTree("b.kiln", 10), Aliases = ["challenger"] });
    }

    static async Task<RunningServer> StartAsync(Func<ServerOptions, ServerOptions>? options = null) =>
        await (await RunningServer.StartAsync(Register, options)).ReadyAsync();

    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    static async Task<PredictionResponse> PredictAsync(RunningServer server, string path, string json)
    {
        using var response = await server.Client.PostAsync(path, Json(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PredictionResponse>(JsonSerializerOptions.Web))!;
    }

    /// <summary>The problem details of a response that must have <paramref name="status"/>.</summary>
    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    [Fact]
    public async Task One_json_object_is_answered_with_the_class_its_confidence_and_the_champion_version()
    {
        await using var server = await StartAsync();
        var answer = await PredictAsync(server, "/api/models/churn/predict", """{"x":5,"y":0}""");
        Assert.Equal(("churn", 1), (answer.Model, answer.Version));
        var row = Assert.Single(answer.Predictions);
        Assert.Equal("high", row.Prediction?.ToString());
        Assert.Equal(1.0, row.Confidence);
        Assert.Equal(0.0, row.Probabilities!["low"]);
    }

    [Fact]
    public async Task An_alias_or_a_version_picks_the_model_version_that_answers()
    {
        await using var server = await StartAsync();
        var byAlias = await PredictAsync(server, "/api/models/churn@challenger/predict", """[{"x":5,"y":0},{"x":15,"y":0}]""");
        Assert.Equal(2, byAlias.Version);
        Assert.Equal(["low", "high"], byAlias.Predictions.Select(p => p.Prediction?.ToString()));
        var byVersion = await PredictAsync(server, "/api/models/churn/versions/2/predict", """{"x":5,"y":0}""");
        Assert.Equal(2, byVersion.Version);
    }

    [Fact]
    public async Task A_csv_body_is_read_by_its_header()
    {
        await using var server = await StartAsync();
        using var response = await server.Client.PostAsync("/api/models/churn/predict", new StringContent("y,x\n0,-5\n0,5\n", Encoding.UTF8, "text/csv"));
        var answer = (await response.Content.ReadFromJsonAsync<PredictionResponse>(JsonSerializerOptions.Web))!;
        Assert.Equal(["low", "high"], answer.Predictions.Select(p => p.Prediction?.ToString()));
    }

    [Fact]
    public async Task An_unknown_field_is_a_400_problem_naming_the_field_and_row()
    {
        await using var server = await StartAsync();
        using var response = await server.Client.PostAsync("/api/models/churn/predict", Json("""[{"x":1,"y":0},{"x":1,"yy":0}]"""));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("yy", problem.GetProperty("field").GetString());
        Assert.Equal(1, problem.GetProperty("row").GetInt32());
        Assert.Contains("unknown field 'yy'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_mistyped_field_is_a_400_problem_naming_it()
    {
        await using var server = await StartAsync();
        using var response = await server.Client.PostAsync("/api/models/churn/predict", Json("""{"x":"five","y":0}"""));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("x", problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/models/fraud/predict", "no served model is named 'fraud'")]
    [InlineData("/api/models/churn@staging/predict", "no alias 'staging'")]
    [InlineData("/api/models/churn/versions/7/predict", "no version 7")]
    public async Task An_unknown_model_alias_or_version_is_a_404_problem(string path, string detail)
    {
        await using var server = await StartAsync();
        using var response = await server.Client.PostAsync(path, Json("""{"x":1,"y":0}"""));
        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_model_list_shows_versions_aliases_and_the_input_schema()
    {
        await using var server = await StartAsync();
        var models = await server.Client.GetFromJsonAsync<List<ServedModelSummary>>("/api/models", JsonSerializerOptions.Web);
        var churn = Assert.Single(models!);
        Assert.Equal(1, churn.DefaultVersion);
        Assert.Equal(2, churn.Aliases["challenger"]);
        Assert.Equal([1, 2], churn.Versions.Select(v => v.Version));
        Assert.Equal([new InputField("x", "float64"), new InputField("y", "float64")], churn.Versions[0].InputSchema);
        Assert.Equal(["high", "low"], churn.Versions[0].Classes);
        Assert.Equal("classification", churn.Versions[0].Task);
    }

    [Fact]
    public async Task An_uploaded_csv_file_is_answered_with_every_row_and_its_prediction_as_csv()
    {
        await using var server = await StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("x,y\n-5,0\n5,0\n"), "file", "customers.csv" } };
        using var response = await server.Client.PostAsync("/api/models/churn@champion/predict/file", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("x,y,prediction,p(high),p(low)", lines[0]);
        Assert.StartsWith("-5,0,low", lines[1]);
        Assert.StartsWith("5,0,high", lines[2]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        await using var server = await StartAsync(options => options with { MaxRequestBodyBytes = 64 });
        var rows = string.Join(",", Enumerable.Repeat("""{"x":1,"y":0}""", 20));
        using var response = await server.Client.PostAsync("/api/models/churn/predict", Json($"[{rows}]"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Moving_the_champion_alias_switches_the_answering_version_without_a_restart()
    {
        await using var server = await StartAsync(options => options with { Serving = new ModelHostOptions { PollInterval = TimeSpan.FromMilliseconds(50) } });
        await server.Store.Registry.SetAliasAsync("churn", "champion", 2);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        PredictionResponse answer;
        do answer = await PredictAsync(server, "/api/models/churn@champion/predict", """{"x":5,"y":0}""");
        while (answer.Version != 2 && DateTime.UtcNow < deadline && await Task.Delay(20).ContinueWith(_ => true));
        Assert.Equal(2, answer.Version);
        Assert.Equal("low", answer.Predictions[0].Prediction?.ToString());
    }

    [Fact]
    public async Task Metrics_count_requests_errors_and_latency_per_model_and_version()
    {
        await using var server = await StartAsync();
        await PredictAsync(server, "/api/models/churn/predict", """{"x":5,"y":0}""");
        using (await server.Client.PostAsync("/api/models/churn/predict", Json("""{"x":5}"""))) { }
        var text = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("""kiln_prediction_requests_total{model="churn",version="1",status="200"} 1""", text);
        Assert.Contains("""kiln_prediction_errors_total{model="churn",version="1"} 1""", text);
        Assert.Contains("""kiln_prediction_duration_seconds_count{model="churn",version="1"} 2""", text);
        Assert.Contains("# TYPE kiln_prediction_duration_seconds histogram", text);
    }

    [Fact]
    public async Task Listeners_receive_each_answered_prediction_with_its_inputs_and_version()
    {
        var listener = new RecordingListener();
        await using var server = await (await RunningServer.StartAsync(Register, configure: services => services.AddSingleton<IPredictionListener>(listener))).ReadyAsync();
        await PredictAsync(server, "/api/models/churn@challenger/predict", """{"x":5,"y":0}""");
        var received = await listener.FirstAsync();
        Assert.Equal(("churn", 2, "challenger"), (received.Model, received.Version, received.Alias));
        Assert.Equal(1, received.Inputs.RowCount);
        Assert.Equal("low", received.Outputs.Predictions.Format(0));
    }

    [Fact]
    public async Task A_request_whose_body_stalls_past_the_timeout_is_answered_504()
    {
        await using var server = await StartAsync(options => options with { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Client.BaseAddress!.Host, server.Client.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = "POST /api/models/churn/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"x\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.StartsWith("HTTP/1.1 504", statusLine);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_prediction_endpoints()
    {
        await using var server = await StartAsync();
        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/models", "/api/models/{model}/predict", "/api/models/{name}/versions/{version}/predict", "/api/models/{model}/predict/file", "/metrics" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
    }
}
