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

    /// <summary>The largest dataset file an upload may be, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 100L * 1024 * 1024;
}
