using Kiln.Testing;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;

namespace Kiln.Server.Tests;

/// <summary>A Kiln server on 127.0.0.1 and a free port over a fresh SQLite store, with a client pointed at it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    readonly TemporaryFolder _folder;

    RunningServer(TemporaryFolder folder, WebApplication app)
    {
        (_folder, App) = (folder, app);
        Client = new HttpClient { BaseAddress = KilnServer.AddressOf(app) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <param name="configure">Changes to the options, made after the port and store are set.</param>
    public static async Task<RunningServer> StartAsync(Func<ServerOptions, ServerOptions>? configure = null)
    {
        var folder = new TemporaryFolder();
        var options = new ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = folder.Path } };
        var app = await KilnServer.BuildAsync(configure is null ? options : configure(options));
        await app.StartAsync();
        return new RunningServer(folder, app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
