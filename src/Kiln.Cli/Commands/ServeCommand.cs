using System.CommandLine;
using Kiln.Server;
using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln serve</c>: runs the Kiln server over the tracking store until Ctrl+C.</summary>
public static class ServeCommand
{
    internal static readonly Option<int> Port = new("--port") { Description = $"The port to listen on (0 picks a free one)", DefaultValueFactory = _ => ServerOptions.DefaultPort };

    static readonly Option<string> Host = new("--host")
    {
        Description = "The address to listen on: 127.0.0.1 serves this machine only, 0.0.0.0 every network",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    internal static readonly Option<string> Store = new("--store") { Description = "A folder for the tracking database and artifacts (default: $KILN_HOME)" };

    static readonly Option<long> MaxBodyBytes = new("--max-body-bytes")
    {
        Description = "The largest request body accepted, in bytes; larger ones are answered 413",
        DefaultValueFactory = _ => ServerOptions.DefaultMaxRequestBodyBytes,
    };

    static readonly Option<double> RequestTimeout = new("--request-timeout")
    {
        Description = "Seconds a request may take before it is answered 504",
        DefaultValueFactory = _ => ServerOptions.DefaultRequestTimeout.TotalSeconds,
    };

    static readonly Option<double> PollInterval = new("--poll-interval")
    {
        Description = "Seconds between readings of the registry, after which moved aliases are served",
        DefaultValueFactory = _ => ModelHostOptions.DefaultPollInterval.TotalSeconds,
    };

    static readonly Option<int> MaxBatchRows = new("--max-batch-rows")
    {
        Description = "The most concurrent single-row requests for one model predicted in one call (1: no batching)",
        DefaultValueFactory = _ => ModelHostOptions.DefaultMaxBatchRows,
    };

    static readonly Option<int> MaxImages = new("--max-images")
    {
        Description = "Image models: the most image files one prediction request may send; more are answered 413",
        DefaultValueFactory = _ => ImageLimits.DefaultMaxFiles,
    };

    static readonly Option<long> MaxImageBytes = new("--max-image-bytes")
    {
        Description = "Image models: the largest one image file may be, in bytes; larger ones are answered 413",
        DefaultValueFactory = _ => ImageLimits.DefaultMaxFileBytes,
    };

    static readonly Option<long> MaxImagePixels = new("--max-image-pixels")
    {
        Description = "Image models: the most pixels (width × height) one image may have before it is decoded; more are answered 413",
        DefaultValueFactory = _ => ImageLimits.DefaultMaxPixels,
    };

    static readonly Option<bool> NoRequestLog = new("--no-request-log") { Description = "Do not write a log line per prediction request (metrics still count them)" };

    static readonly Option<bool> RequireApiKey = new("--require-api-key")
    {
        Description = "Answer the API (models, deployments, monitoring, jobs, the MLflow API) only with an API key or a signed-in session, each caller reaching only their own, their projects' and shared runs and models; /metrics only for an admin",
    };

    static readonly Option<Uri> AlertWebhook = new("--alert-webhook") { Description = "POST monitoring alerts as JSON to this URL (they are always logged)" };

    public static Command Create()
    {
        var command = new Command("serve", "Run the Kiln server: every registered model with a version answers predictions at /api/models/NAME/predict; health, metrics and an OpenAPI document");
        command.Options.Add(Port);
        command.Options.Add(Host);
        command.Options.Add(Store);
        command.Options.Add(TrackingOptionsCli.Database);
        command.Options.Add(MaxBodyBytes);
        command.Options.Add(RequestTimeout);
        command.Options.Add(PollInterval);
        command.Options.Add(MaxBatchRows);
        command.Options.Add(MaxImages);
        command.Options.Add(MaxImageBytes);
        command.Options.Add(MaxImagePixels);
        command.Options.Add(NoRequestLog);
        command.Options.Add(RequireApiKey);
        command.Options.Add(AlertWebhook);
        command.SetAction((parseResult, cancellationToken) => ServeAsync(Options(parseResult), parseResult.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> fires or the process is asked to stop (Ctrl+C).</summary>
    internal static async Task<int> ServeAsync(ServerOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = await KilnServer.BuildAsync(options, cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = KilnServer.AddressOf(app);
        output.WriteLine($"Kiln serves on {address} (models at {address}api/models, OpenAPI document at /openapi/v1.json); Ctrl+C stops it.");
        await app.WaitForShutdownAsync(cancellationToken);
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    /// <summary>The server options the command line asks for.</summary>
    internal static ServerOptions Options(ParseResult parseResult) => StoreOptions(parseResult) with
    {
        Host = parseResult.GetValue(Host)!,
        MaxRequestBodyBytes = Positive(MaxBodyBytes, parseResult.GetValue(MaxBodyBytes)),
        LogRequests = !parseResult.GetValue(NoRequestLog),
        RequireApiKey = parseResult.GetValue(RequireApiKey),
        RequestTimeout = TimeSpan.FromSeconds(Positive(RequestTimeout, parseResult.GetValue(RequestTimeout))),
        Serving = new ModelHostOptions
        {
            PollInterval = TimeSpan.FromSeconds(Positive(PollInterval, parseResult.GetValue(PollInterval))),
            MaxBatchRows = Positive(MaxBatchRows, parseResult.GetValue(MaxBatchRows)),
        },
        Monitoring = new MonitoringOptions { Webhook = parseResult.GetValue(AlertWebhook) },
        Images = new ImageLimits
        {
            MaxFiles = Positive(MaxImages, parseResult.GetValue(MaxImages)),
            MaxFileBytes = Positive(MaxImageBytes, parseResult.GetValue(MaxImageBytes)),
            MaxPixels = Positive(MaxImagePixels, parseResult.GetValue(MaxImagePixels)),
        },
    };

    /// <summary>The port and the store the command line asks for, on 127.0.0.1.</summary>
    internal static ServerOptions StoreOptions(ParseResult parseResult)
    {
        var tracking = TrackingOptions.FromEnvironment();
        if (parseResult.GetValue(Store) is { Length: > 0 } store) tracking = tracking with { Home = store };
        if (parseResult.GetValue(TrackingOptionsCli.Database) is { Length: > 0 } database) tracking = tracking with { Database = database };
        return new ServerOptions { Port = parseResult.GetValue(Port), Tracking = tracking };
    }

    static T Positive<T>(Option<T> option, T value) where T : System.Numerics.INumber<T> =>
        value > T.Zero && !(value is double d && !double.IsFinite(d)) ? value : throw new ArgumentException($"{option.Name} {value}: give a positive number");
}
