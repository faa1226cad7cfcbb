using System.Net;
using System.Text;
using System.Text.Json;
using Kiln.Cli.Commands;
using Kiln.Server;
using Kiln.Serving;

namespace Kiln.Cli.Tests;

[Collection(nameof(KilnHomeCollection))]
public class ServeCommandTests
{
    [Fact]
    public void Serve_listens_on_127_0_0_1_port_5080_by_default()
    {
        var options = ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve"]));
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(ServerOptions.DefaultPort, options.Port);
    }

    [Fact]
    public void Serve_takes_the_port_the_store_folder_and_the_database_from_the_command_line()
    {
        var options = ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve", "--port", "6001", "--store", "/tmp/kiln-store", "--db", "postgresql://kiln@127.0.0.1/kiln"]));
        Assert.Equal(6001, options.Port);
        Assert.Equal("/tmp/kiln-store", options.Tracking.Home);
        Assert.Equal("postgresql://kiln@127.0.0.1/kiln", options.Tracking.Database);
    }

    [Fact]
    public void A_port_that_is_not_a_number_is_a_usage_error_naming_the_option()
    {
        var run = CliRun.Of("serve", "--port", "http");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--port", run.Error);
    }

    [Fact]
    public void Serve_takes_the_body_limit_timeout_poll_interval_batch_size_and_request_log_from_the_command_line()
    {
        var options = ServeCommand.Options(KilnApp.CreateRoot().Parse(
            ["serve", "--max-body-bytes", "1024", "--request-timeout", "2.5", "--poll-interval", "0.5", "--max-batch-rows", "8", "--no-request-log"]));
        Assert.Equal(1024, options.MaxRequestBodyBytes);
        Assert.Equal(8, options.Serving.MaxBatchRows);
        Assert.False(options.LogRequests);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(0.5), options.Serving.PollInterval);
    }

    [Fact]
    public void Serve_takes_the_image_limits_from_the_command_line_and_refuses_a_zero_naming_the_option()
    {
        var options = ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve", "--max-images", "4", "--max-image-bytes", "5000", "--max-image-pixels", "1000000"]));
        Assert.Equal(new ImageLimits { MaxFiles = 4, MaxFileBytes = 5000, MaxPixels = 1_000_000 }, options.Images);
        Assert.Equal(new ImageLimits(), ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve"])).Images);
        var error = Assert.Throws<ArgumentException>(() => ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve", "--max-images", "0"])));
        Assert.Contains("--max-images", error.Message);
    }

    [Fact]
    public void Serve_asks_for_no_api_key_unless_told_to_and_up_always_does()
    {
        Assert.False(ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve"])).RequireApiKey);
        Assert.True(ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve", "--require-api-key"])).RequireApiKey);
        Assert.True(UpCommand.Options(KilnApp.CreateRoot().Parse(["up"])).RequireApiKey);
    }

    [Fact]
    public void A_timeout_of_zero_is_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve", "--request-timeout", "0"])));
        Assert.Contains("--request-timeout", error.Message);
    }

    [Fact]
    public async Task A_trained_and_registered_model_answers_predictions_over_http()
    {
        using var home = new TemporaryKilnHome();
        var data = Path.Combine(home.Path, "people.csv");
        File.WriteAllText(data, "age,income,bought\n25,30,no\n32,45,no\n47,80,yes\n51,88,yes\n23,28,no\n60,90,yes\n38,50,no\n44,75,yes\n29,35,no\n55,85,yes\n");
        var package = Path.Combine(home.Path, "m.kiln");
        var trained = CliRun.Of("train", data, "--target", "bought", "--model", "decision-tree-classifier", "--out", package, "--no-track");
        Assert.True(trained.ExitCode == 0, trained.Error);
        var registered = CliRun.Of("registry", "register", "buyers", package, "--alias", "champion");
        Assert.True(registered.ExitCode == 0, registered.Error);

        await using var serve = await RunningServe.StartAsync();
        var client = serve.Client;

        using var response = await client.PostAsync("/api/models/buyers@champion/predict",
            new StringContent("""[{"age":58,"income":95},{"age":24,"income":27}]""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, answer.RootElement.GetProperty("version").GetInt32());
        var predictions = answer.RootElement.GetProperty("predictions");
        Assert.Equal(["yes", "no"], predictions.EnumerateArray().Select(p => p.GetProperty("prediction").GetString()));
        Assert.True(predictions[0].GetProperty("confidence").GetDouble() > 0.5);

        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task A_network_from_nn_train_answers_uploaded_images_over_http_as_kiln_predict_does()
    {
        using var home = new TemporaryKilnHome();
        var images = NnCommandsTests.ColourFolder(Path.Combine(home.Path, "colours"), perClass: 6);
        var arch = Path.Combine(home.Path, "cnn.json");
        File.WriteAllText(arch, NnCommandsTests.ColourCnn);
        var package = Path.Combine(home.Path, "colours.kiln");
        var trained = CliRun.Of("nn", "train", "--data", images, "--arch", arch, "--epochs", "4", "--batch-size", "8", "--validation-split", "0", "--seed", "3", "--out", package, "--no-track");
        Assert.True(trained.ExitCode == 0, trained.Error);
        var registered = CliRun.Of("registry", "register", "colours", package, "--alias", "champion");
        Assert.True(registered.ExitCode == 0, registered.Error);
        string[] files = [Path.Combine(images, "blue", "blue-00.png"), Path.Combine(images, "red", "red-01.png")];
        var expected = files.Select(file =>
        {
            var run = CliRun.Of("predict", package, file, "--json");
            Assert.True(run.ExitCode == 0, run.Error);
            using var json = JsonDocument.Parse(run.Output);
            return (Class: json.RootElement[0].GetProperty("class").GetString(), Confidence: json.RootElement[0].GetProperty("confidence").GetDouble());
        }).ToList();

        await using var serve = await RunningServe.StartAsync();
        var client = serve.Client;

        using var form = new MultipartFormDataContent();
        foreach (var file in files) form.Add(new ByteArrayContent(File.ReadAllBytes(file)) { Headers = { ContentType = new("image/png") } }, "file", Path.GetFileName(file));
        using var response = await client.PostAsync("/api/models/colours@champion/predict", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var served = answer.RootElement.GetProperty("predictions").EnumerateArray()
            .Select(p => (Class: p.GetProperty("prediction").GetString(), Confidence: p.GetProperty("confidence").GetDouble())).ToList();
        Assert.Equal(expected.Select(e => e.Class), served.Select(s => s.Class));
        for (var i = 0; i < files.Length; i++) Assert.Equal(expected[i].Confidence, served[i].Confidence, 1e-6);
        Assert.Equal(["blue-00.png", "red-01.png"], answer.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("file").GetString()));

        Assert.Equal(0, await serve.StopAsync());
    }
}
