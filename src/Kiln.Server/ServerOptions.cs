using Kiln.Server.Jobs;
using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;

namespace Kiln.Server;

/// <summary>Where a Kiln server listens and which tracking store and registry it serves.</summary>
public sealed record ServerOptions
{
    public const int DefaultPort = 5080;

    /// <summary>The address to listen on: 127.0.0.1 unless the server is meant to be reached from other machines.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 lets the system choose a free one (read it from <see cref="KilnServer.AddressOf"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The tracking database and artifact store; <c>KILN_TRACKING_DB</c> or <c>$KILN_HOME</c> by default.</summary>
    public TrackingOptions Tracking { get; init; } = TrackingOptions.FromEnvironment();

    public const long DefaultMaxRequestBodyBytes = 32L * 1024 * 1024;

    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body accepted; a larger one is answered 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <summary>How long a request may take before it is cancelled and answered 504.</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>Whether each prediction request writes its log line (model, version, status, latency); off, as uvicorn's <c>--no-access-log</c>, for the last bit of throughput.</summary>
    public bool LogRequests { get; init; } = true;

    /// <summary>How the served models follow the registry (how often it is polled for moved aliases).</summary>
    public ModelHostOptions Serving { get; init; } = new();

    /// <summary>The prediction log, drift thresholds and alert webhook.</summary>
    public MonitoringOptions Monitoring { get; init; } = new();

    /// <summary>How many image files, how large and how many pixels each, a prediction request for an image model may send.</summary>
    public ImageLimits Images { get; init; } = new();

    /// <summary>
    /// Whether the model endpoints (<c>/api/models/…</c>: predict, feedback, monitoring) need a signed-in caller — an API
    /// key, or the web UI's session — and answer only for models the caller may see. On for the platform (<c>kiln up</c>);
    /// off for plain <c>kiln serve</c>, whose clients send no key.
    /// </summary>
    public bool RequireApiKey { get; init; }

    /// <summary>The largest dataset file an upload may be, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>The training job queue: workers on this server, and how often they look for work and for cancel requests.</summary>
    public JobOptions Jobs { get; init; } = new();
}
