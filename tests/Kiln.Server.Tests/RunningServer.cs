using Kiln.Serving;
using Kiln.Serving.Tests;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests;

/// <summary>A Kiln server on 127.0.0.1 and a free port over a fresh SQLite store, with a client pointed at it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    RunningServer(ServingModels models, TrackingStore store, WebApplication app)
    {
        (Models, Store, App) = (models, store, app);
        Client = new HttpClient { BaseAddress = KilnServer.AddressOf(app) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>The tracking store the server itself uses.</summary>
    public TrackingStore Tracking => App.Services.GetRequiredService<TrackingStore>();

    /// <summary>The store's folder, with helpers that write small model packages into it.</summary>
    public ServingModels Models { get; }

    /// <summary>The tracking store the server serves, opened a second time as another process would.</summary>
    public TrackingStore Store { get; }

    /// <summary>Starts a server; <paramref name="register"/> fills the registry first, <paramref name="options"/> changes the defaults, <paramref name="configure"/> adds services.</summary>
    public static async Task<RunningServer> StartAsync(
        Func<ServingModels, TrackingStore, Task>? register = null, Func<ServerOptions, ServerOptions>? options = null, Action<IServiceCollection>? configure = null)
    {
        var models = new ServingModels();
        var store = await models.OpenStoreAsync();
        if (register is not null) await register(models, store);
        var serverOptions = new ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = models.Folder.Path } };
        var app = await KilnServer.BuildAsync(options is null ? serverOptions : options(serverOptions), configure ?? (_ => { }));
        await app.StartAsync();
        return new RunningServer(models, store, app);
    }

    /// <summary>Starts a server with exactly <paramref name="options"/> (their port and store included).</summary>
    public static async Task<RunningServer> StartAsync(ServerOptions options)
    {
        var models = new ServingModels();
        var store = await TrackingStore.OpenAsync(options.Tracking);
        var app = await KilnServer.BuildAsync(options);
        await app.StartAsync();
        return new RunningServer(models, store, app);
    }

    /// <summary>Waits until the server has loaded the registry's models.</summary>
    public async Task<RunningServer> ReadyAsync()
    {
        var host = App.Services.GetRequiredService<ModelHost>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!host.IsReady)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the server did not load its models within 30 s");
            await Task.Delay(10);
        }
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Models.Dispose();
    }
}
