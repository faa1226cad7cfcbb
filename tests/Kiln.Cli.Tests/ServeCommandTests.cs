using System.Net;
using System.Text;
using System.Text.Json;
using Kiln.Cli.Commands;
using Kiln.Server;

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

        var printed = new StringWriter();
        var output = TextWriter.Synchronized(printed);
        using var stop = new CancellationTokenSource();
        var serving = ServeCommand.ServeAsync(ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve", "--port", "0"])), output, stop.Token);
        using var client = new HttpClient { BaseAddress = await AddressAsync(printed, output, serving) };
        while ((await client.GetAsync("/health")).StatusCode != HttpStatusCode.OK) await Task.Delay(20);

        using var response = await client.PostAsync("/api/models/buyers@champion/predict",
            new StringContent("""[{"age":58,"income":95},{"age":24,"income":27}]""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, answer.RootElement.GetProperty("version").GetInt32());
        var predictions = answer.RootElement.GetProperty("predictions");
        Assert.Equal(["yes", "no"], predictions.EnumerateArray().Select(p => p.GetProperty("prediction").GetString()));
        Assert.True(predictions[0].GetProperty("confidence").GetDouble() > 0.5);

        await stop.CancelAsync();
        Assert.Equal(0, await serving);
    }

    /// <summary>The address the command prints once it listens; the synchronized writer locks on itself while writing.</summary>
    static async Task<Uri> AddressAsync(StringWriter printed, TextWriter output, Task serving)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (serving.IsCompleted) await serving;
            string text;
            lock (output) text = printed.ToString();
            var start = text.IndexOf("http://", StringComparison.Ordinal);
            if (start >= 0) return new Uri(text[start..text.IndexOf(' ', start)]);
            await Task.Delay(20);
        }
        throw new TimeoutException("kiln serve printed no address within 30 s");
    }
}
