namespace Kiln.Tracking;

/// <summary>What a new run is and how it was made; everything but the experiment is optional.</summary>
public sealed record RunStart
{
    public long ExperimentId { get; init; } = Experiment.DefaultId;

    /// <summary>A readable name; <c>run-</c> and the first 8 digits of the id when left out.</summary>
    public string? Name { get; init; }

    /// <summary>When it started; now when left out.</summary>
    public DateTimeOffset? StartTime { get; init; }

    public string? UserId { get; init; }
    public string? Command { get; init; }
    public string? SourceVersion { get; init; }
    public long? Seed { get; init; }
    public string? DataFingerprint { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
