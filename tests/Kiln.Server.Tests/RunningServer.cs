using Kiln.Testing;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

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

    public TrackingStore Tracking => App.Services.GetRequiredService<TrackingStore>();

    public static async Task<RunningServer> StartAsync(ServerOptions? options = null)
    {
        var folder = new TemporaryFolder();
        var app = await KilnServer.BuildAsync(options ?? new ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = folder.Path } });
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
