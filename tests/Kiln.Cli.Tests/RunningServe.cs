using Kiln.Cli.Commands;

namespace Kiln.Cli.Tests;

/// <summary><c>kiln serve --port 0</c> running in the test process, with a client for it once its models are loaded.</summary>
sealed class RunningServe : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    Task<int> _serving = Task.FromResult(0);

    public HttpClient Client { get; } = new();

    public static async Task<RunningServe> StartAsync()
    {
        var printed = new StringWriter();
        var output = TextWriter.Synchronized(printed);
        var serve = new RunningServe();
        serve._serving = ServeCommand.ServeAsync(ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve", "--port", "0"])), output, serve._stop.Token);
        try
        {
            serve.Client.BaseAddress = await AddressAsync(printed, output, serve._serving);
            while ((await serve.Client.GetAsync("/health")).StatusCode != System.Net.HttpStatusCode.OK) await Task.Delay(20);
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the command as Ctrl+C would and gives its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _serving;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_serving.IsCompleted) await StopAsync();
        _stop.Dispose();
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
