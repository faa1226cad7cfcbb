using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiln.Server.Predictions;
using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Serving.Tests;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests;

public class ImagePredictionEndpointsTests
{
    /// <summary>colours: a network telling red pictures from blue ones, aliased champion; churn: a tree over rows.</summary>
    static async Task Register(ServingModels models, TrackingStore store)
    {
        await ImageNetworks.RegisterAsync(models, store, "colours", "champion");
        await models.RegisterTreeAsync(store, "churn", 0);
    }

    static async Task<RunningServer> StartAsync(Func<ServerOptions, ServerOptions>? options = null, RecordingListener? listener = null) =>
        await (await RunningServer.StartAsync(Register, options, services =>
        {
            if (listener is not null) services.AddSingleton<IPredictionListener>(listener);
        })).ReadyAsync();

    static ByteArrayContent File(string path, string? mediaType = null)
    {
        var content = new ByteArrayContent(System.IO.File.ReadAllBytes(path));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType ?? (path.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png"));
        return content;
    }

    static MultipartFormDataContent Upload(params string[] paths)
    {
        var form = new MultipartFormDataContent();
        foreach (var path in paths) form.Add(File(path), "file", Path.GetFileName(path));
        return form;
    }

    static async Task<PredictionResponse> AnswerAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PredictionResponse>(JsonSerializerOptions.Web))!;
    }

    [Fact]
    public async Task Uploaded_files_are_each_answered_with_their_file_name_and_the_class_the_library_predicts()
    {
        await using var server = await StartAsync();
        var red = ImageNetworks.Picture(server.Models.Folder.File("holiday-red.png"), red: true, width: 640, height: 480, seed: 5);
        var blue = ImageNetworks.Picture(server.Models.Folder.File("sea.jpg"), red: false, width: 33, height: 21, seed: 6);

        using var response = await server.Client.PostAsync("/api/models/colours@champion/predict", Upload(red, blue));
        var answer = await AnswerAsync(response);

        Assert.Equal(("colours", 1), (answer.Model, answer.Version));
        Assert.Matches("^[0-9a-f]{32}$", answer.Id);
        Assert.Equal(["holiday-red.png", "sea.jpg"], answer.Predictions.Select(p => p.File));
        Assert.Equal(["red", "blue"], answer.Predictions.Select(p => p.Prediction?.ToString()));
        var package = (await server.Store.Registry.GetVersionAsync("colours", 1)).Source;
        var library = ImageNetworks.LibraryPrediction(package, [red, blue]);
        for (var r = 0; r < 2; r++)
        {
            Assert.Equal(library.Row(r)[0], answer.Predictions[r].Probabilities!["blue"], 6);
            Assert.Equal(library.Row(r)[1], answer.Predictions[r].Probabilities!["red"], 6);
            Assert.Equal(library.Row(r)[library.Best(r)], answer.Predictions[r].Confidence!.Value, 6);
        }
    }

    [Fact]
    public async Task A_raw_png_or_jpeg_body_is_one_image_named_by_its_content_disposition()
    {
        await using var server = await StartAsync();
        var blue = ImageNetworks.Picture(server.Models.Folder.File("blue.jpg"), red: false);
        var body = File(blue);
        var bare = await AnswerAsync(await server.Client.PostAsync("/api/models/colours/versions/1/predict", body));
        Assert.Equal(("blue", "image"), (bare.Predictions.Single().Prediction?.ToString(), bare.Predictions.Single().File));

        var named = File(ImageNetworks.Picture(server.Models.Folder.File("red.png"), red: true));
        named.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "camera-7.png" };
        var answer = await AnswerAsync(await server.Client.PostAsync("/api/models/colours/predict", named));
        Assert.Equal(("red", "camera-7.png"), (answer.Predictions.Single().Prediction?.ToString(), answer.Predictions.Single().File));
    }

    [Fact]
    public async Task Rows_sent_to_an_image_model_and_an_image_sent_to_a_tabular_model_are_415_problems()
    {
        await using var server = await StartAsync();
        using var rows = await server.Client.PostAsync("/api/models/colours/predict", new StringContent("""{"x":1}""", Encoding.UTF8, "application/json"));
        Assert.Contains("multipart/form-data", (await PredictionEndpointsTests.ProblemAsync(rows, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());

        var picture = ImageNetworks.Picture(server.Models.Folder.File("red.png"), red: true);
        using var image = await server.Client.PostAsync("/api/models/churn/predict", Upload(picture));
        Assert.Contains("takes rows ('x', 'y')", (await PredictionEndpointsTests.ProblemAsync(image, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());

        var form = new MultipartFormDataContent { { new StringContent("x,y\n1,2\n", Encoding.UTF8, "text/csv"), "file", "rows.csv" } };
        using var csv = await server.Client.PostAsync("/api/models/colours/predict", form);
        Assert.Equal("rows.csv", (await PredictionEndpointsTests.ProblemAsync(csv, HttpStatusCode.UnsupportedMediaType)).GetProperty("file").GetString());
    }

    [Fact]
    public async Task An_undecodable_file_is_a_400_problem_naming_it_and_a_form_without_files_a_400_too()
    {
        await using var server = await StartAsync();
        var good = ImageNetworks.Picture(server.Models.Folder.File("red.png"), red: true);
        var form = Upload(good);
        var broken = new ByteArrayContent([0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
        broken.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(broken, "file", "broken.png");
        using var response = await server.Client.PostAsync("/api/models/colours/predict", form);
        var problem = await PredictionEndpointsTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("broken.png", problem.GetProperty("file").GetString());
        Assert.Contains("broken.png", problem.GetProperty("detail").GetString());

        using var empty = await server.Client.PostAsync("/api/models/colours/predict", new MultipartFormDataContent { { new StringContent("hello"), "note" } });
        Assert.Contains("holds no image", (await PredictionEndpointsTests.ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Too_many_files_or_a_file_too_large_is_a_413_problem()
    {
        await using var server = await StartAsync(options => options with { Images = new ImageLimits { MaxFiles = 2, MaxFileBytes = 2_000 } });
        var small = ImageNetworks.Picture(server.Models.Folder.File("small.png"), red: true, width: 8, height: 8);
        var large = ImageNetworks.Picture(server.Models.Folder.File("large.png"), red: true, width: 200, height: 200);

        using var many = await server.Client.PostAsync("/api/models/colours/predict", Upload(small, small, small));
        Assert.Contains("at most 2", (await PredictionEndpointsTests.ProblemAsync(many, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());
        using var heavy = await server.Client.PostAsync("/api/models/colours/predict", Upload(small, large));
        Assert.Equal("large.png", (await PredictionEndpointsTests.ProblemAsync(heavy, HttpStatusCode.RequestEntityTooLarge)).GetProperty("file").GetString());
    }

    [Fact]
    public async Task The_model_list_says_which_versions_take_images_and_of_what_size()
    {
        await using var server = await StartAsync();
        using var list = JsonDocument.Parse(await server.Client.GetStringAsync("/api/models"));
        var versions = list.RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("versions")[0]);
        Assert.Equal("images", versions["colours"].GetProperty("input").GetString());
        var image = versions["colours"].GetProperty("image");
        Assert.Equal((8, 8, 3, "rgb"), (image.GetProperty("height").GetInt32(), image.GetProperty("width").GetInt32(), image.GetProperty("channels").GetInt32(), image.GetProperty("colorMode").GetString()));
        Assert.Equal(["blue", "red"], versions["colours"].GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("rows", versions["churn"].GetProperty("input").GetString());
        Assert.Equal(JsonValueKind.Null, versions["churn"].GetProperty("image").ValueKind);
    }

    [Fact]
    public async Task The_prediction_feed_gets_each_images_name_size_and_hash_and_not_its_pixels()
    {
        var listener = new RecordingListener();
        await using var server = await StartAsync(listener: listener);
        var red = ImageNetworks.Picture(server.Models.Folder.File("red.png"), red: true);
        var answer = await AnswerAsync(await server.Client.PostAsync("/api/models/colours@champion/predict", Upload(red)));

        var received = await listener.FirstAsync();
        Assert.Equal((answer.Id, "colours", 1, "champion"), (received.Id, received.Model, received.Version, received.Alias));
        Assert.Equal(["file", "bytes", "sha256", "width", "height"], received.Inputs.ColumnNames);
        Assert.Equal("red.png", received.Inputs["file"].Format(0));
        Assert.Equal(new FileInfo(red).Length, (long)received.Inputs["bytes"].GetValue(0)!);
        Assert.Equal("red", received.Outputs.Predictions.Format(0));
    }

    [Fact]
    public async Task The_prediction_log_keeps_each_images_hash_and_feedback_names_an_image_by_its_row()
    {
        await using var server = await StartAsync(options => options with
        {
            Monitoring = new MonitoringOptions { Log = new PredictionLogOptions { Folder = PredictionLogOptions.FolderUnder(options.Tracking.ResolvedHome), FullRatePerSecond = int.MaxValue } },
        });
        var red = ImageNetworks.Picture(server.Models.Folder.File("red.png"), red: true);
        var blue = ImageNetworks.Picture(server.Models.Folder.File("blue.png"), red: false);
        var answer = await AnswerAsync(await server.Client.PostAsync("/api/models/colours/predict", Upload(red, blue)));

        var log = server.App.Services.GetRequiredService<PredictionLog>();
        for (var wait = 0; log.Counters.Offered == 0 && wait < 500; wait++) await Task.Delay(10);
        await log.FlushAsync();
        var logged = Assert.Single(PredictionLogReader.Predictions(log.Folder, "colours"));
        Assert.Equal(answer.Id, logged.Id);
        Assert.Equal(["red.png", "blue.png"], logged.Rows.Select(r => r["file"].GetString()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(blue))), logged.Rows[1]["sha256"].GetString());
        Assert.DoesNotContain(logged.Rows[0].Keys, key => key is not ("file" or "bytes" or "sha256" or "width" or "height"));
        Assert.Equal(["red", "blue"], logged.Outputs.Select(o => o.Label));

        using var posted = await server.Client.PostAsJsonAsync("/api/models/colours/feedback", new[] { new { id = answer.Id, row = 0, label = "red" }, new { id = answer.Id, row = 1, label = "red" } });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var report = await server.Client.GetFromJsonAsync<JsonElement>("/api/models/colours/monitoring?since=1h");
        var version = Assert.Single(report.GetProperty("report").GetProperty("versions").EnumerateArray());
        Assert.Equal(0.5, version.GetProperty("quality").GetProperty("accuracy").GetDouble(), 12);
    }

    [Fact]
    public async Task A_rows_prediction_has_no_file_field()
    {
        await using var server = await StartAsync();
        using var response = await server.Client.PostAsync("/api/models/churn/predict", new StringContent("""{"x":5,"y":0}""", Encoding.UTF8, "application/json"));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(answer.RootElement.GetProperty("predictions")[0].TryGetProperty("file", out _));
    }
}
