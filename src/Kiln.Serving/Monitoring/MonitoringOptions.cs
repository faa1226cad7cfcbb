namespace Kiln.Serving.Monitoring;

/// <summary>How a server logs predictions and when its monitoring raises alerts.</summary>
public sealed record MonitoringOptions
{
    /// <summary>The prediction log; <c>$KILN_HOME/predictions</c> with the default rates when null.</summary>
    public PredictionLogOptions? Log { get; init; }

    public DriftThresholds Thresholds { get; init; } = new();

    /// <summary>Where alerts are POSTed as JSON (<see cref="AlertMessage"/>); only logged when null.</summary>
    public Uri? Webhook { get; init; }

    /// <summary>How often the server checks every logged model for alerts by itself; never when zero.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back that check looks.</summary>
    public TimeSpan CheckWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The log options to use under a Kiln home when none are given.</summary>
    public PredictionLogOptions LogUnder(string home) => Log ?? new PredictionLogOptions { Folder = PredictionLogOptions.FolderUnder(home) };
}
