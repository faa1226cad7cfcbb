namespace Kiln.Serving;

/// <summary>How the model host follows the registry.</summary>
public sealed record ModelHostOptions
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often the registry is read for moved aliases and new versions.</summary>
    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;
}
