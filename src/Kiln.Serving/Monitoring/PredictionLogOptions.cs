namespace Kiln.Serving.Monitoring;

/// <summary>Where the prediction log is kept and how much of a busy stream it keeps.</summary>
public sealed record PredictionLogOptions
{
    /// <summary>The log's folder; one sub-folder per model holds its daily prediction and feedback files.</summary>
    public required string Folder { get; init; }

    /// <summary>Requests per second that are all logged; above that rate only <see cref="SampleFractionAbove"/> of the rest are.</summary>
    public int FullRatePerSecond { get; init; } = 200;

    /// <summary>The share (0–1) of requests beyond <see cref="FullRatePerSecond"/> in a second that is still logged.</summary>
    public double SampleFractionAbove { get; init; } = 0.1;

    /// <summary>How many predictions may wait for the writer; when it is full, new ones are dropped and counted.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>The log folder under a Kiln home: <c>$KILN_HOME/predictions</c>.</summary>
    public static string FolderUnder(string home) => Path.Combine(home, "predictions");

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Folder, nameof(Folder));
        if (FullRatePerSecond < 0) throw new ArgumentOutOfRangeException(nameof(FullRatePerSecond), FullRatePerSecond, "the full-logging rate cannot be negative");
        if (SampleFractionAbove is < 0 or > 1 || double.IsNaN(SampleFractionAbove))
            throw new ArgumentOutOfRangeException(nameof(SampleFractionAbove), SampleFractionAbove, "the sampled share must lie in 0–1");
        if (QueueCapacity < 1) throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "the queue must hold at least one prediction");
    }
}
