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

    public static async Task<RunningServer> StartAsync()
    {
        var folder = new TemporaryFolder();
        var app = await KilnServer.BuildAsync(new ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = folder.Path } });
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
