using System.Net;
using Kiln.Server.Accounts;
using Kiln.Server.Datasets;
using Kiln.Server.Deployments;
using Kiln.Server.Health;
using Kiln.Server.Jobs;
using Kiln.Server.Mlflow;
using Kiln.Server.Metrics;
using Kiln.Server.Predictions;
using Kiln.Server.Projects;
using Kiln.Serving;
using Kiln.Server.Monitoring;
using Kiln.Server.Storage;
using Kiln.Server.Web;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiln.Server;

/// <summary>
/// The Kiln server: one ASP.NET Core application over one tracking store. It composes the endpoint groups; each
/// group lives in its own folder with its own <c>Map…</c> extension method.
/// </summary>
public static class KilnServer
{
    /// <summary>Opens (creating or migrating) the tracking store and builds the application, ready to start.</summary>
    public static Task<WebApplication> BuildAsync(ServerOptions options, CancellationToken cancellationToken = default) =>
        BuildAsync(options, _ => { }, cancellationToken);

    /// <summary>
    /// Builds the application with more services: <paramref name="configureServices"/> runs after Kiln's own
    /// registrations, e.g. to add <see cref="IPredictionListener"/>s, which receive every answered prediction.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(ServerOptions options, Action<IServiceCollection> configureServices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configureServices);
        if (!IPAddress.TryParse(options.Host, out var address))
            throw new ArgumentException($"host '{options.Host}' is not an IP address (127.0.0.1 serves this machine only, 0.0.0.0 every network)", nameof(options));
        if (options.Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, $"port {options.Port} is outside 0–65535");
        if (options.MaxRequestBodyBytes < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRequestBodyBytes, "the request body limit must be at least 1 byte");
        if (options.RequestTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), options.RequestTimeout, "the request timeout must be positive");
        if (options.MaxUploadBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxUploadBytes, $"the upload limit must be positive, not {options.MaxUploadBytes} bytes");
        options.Images.Validate();
        var tracking = await TrackingStore.OpenAsync(options.Tracking, cancellationToken).ConfigureAwait(false);
        var platform = new PlatformDatabase(tracking.Connection);
        await platform.MigrateAsync(cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(KilnServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        // MudBlazor's and Blazor's script and styles, from the manifest the build writes beside this assembly
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.UseUtcTimestamp = true;
        });
        // the prediction service writes its own line per request; ASP.NET Core's several per request are noise
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (!options.LogRequests) builder.Logging.AddFilter(typeof(PredictionService).FullName, LogLevel.Warning);
        builder.Services.AddSingleton(tracking);
        builder.Services.AddSingleton(tracking.Registry);
        builder.Services.AddSingleton(options.Serving);
        builder.Services.AddSingleton<ModelHost>();
        builder.Services.AddSingleton(services => new PredictionFeed(services.GetServices<IPredictionListener>(), logger: services.GetService<ILogger<PredictionFeed>>()));
        builder.Services.AddSingleton<PredictionMetrics>();
        builder.Services.AddSingleton(options.Images);
        builder.Services.AddSingleton<PredictionService>();
        builder.Services.AddSingleton<ModelAccessFilter>();
        builder.Services.AddHostedService<ModelHostService>();
        builder.Services.AddSingleton(services => new ShadowTraffic(services.GetRequiredService<PredictionFeed>(), logger: services.GetService<ILogger<ShadowTraffic>>()));
        builder.Services.AddHostedService<ShadowTrafficService>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, PredictionJsonContext.Default));
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxRequestBodyBytes);
        // the API's requests get the timeout; the web UI's interactive pages hold their connection open while shown
        builder.Services.AddRequestTimeouts(timeouts => timeouts.AddPolicy(PredictionEndpoints.TimeoutPolicy, new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        }));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        configureServices(builder.Services);
        builder.Services.AddModelMonitoring(options.Monitoring, options.Tracking.ResolvedHome);
        builder.Services.AddKilnAccounts(platform);
        builder.Services.AddSingleton(new DatasetStore(platform, tracking.Artifacts, options.MaxUploadBytes));
        builder.Services.AddKilnProjects(platform);
        builder.Services.AddTrainingJobs(options.Jobs, tracking.Connection, options.Tracking.ResolvedHome);
        builder.Services.AddKilnWeb();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTimeouts();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapHealthEndpoints(options.RequireApiKey);
        app.MapMlflowApi(options.RequireApiKey);
        app.MapPredictionEndpoints(options.RequireApiKey);
        app.MapMetricsEndpoints(options.RequireApiKey);
        app.MapMonitoringEndpoints(options.RequireApiKey);
        app.MapDeploymentEndpoints(options.RequireApiKey);
        app.MapAccountEndpoints();
        app.MapDatasetEndpoints();
        app.MapProjectEndpoints();
        app.MapTrainingJobEndpoints();
        app.MapKilnWeb();
        return app;
    }

    /// <summary>The address a started server answers on, with the port the system chose when <see cref="ServerOptions.Port"/> was 0.</summary>
    public static Uri AddressOf(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var url = app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("the server is not started: it has no address yet");
        return new Uri(url);
    }
}
