namespace Kiln.Serving;

/// <summary>How the model host follows the registry.</summary>
public sealed record ModelHostOptions
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often the registry is read for moved aliases and new versions.</summary>
    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;

    public const int DefaultMaxBatchRows = 64;

    /// <summary>
    /// The most single-row requests for one model predicted together in one call (see <see cref="ServedModel.PredictAsync"/>);
    /// 1 predicts every request on its own.
    /// </summary>
    public int MaxBatchRows { get; init; } = DefaultMaxBatchRows;

    /// <summary>Seeds the choice between a deployment's primary and canary, for a split that repeats; null draws fresh.</summary>
    public int? RoutingSeed { get; init; }
}
