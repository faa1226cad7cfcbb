namespace Kiln.Tracking;

/// <summary>
/// One recorded piece of work (a training, a comparison, a search) with how it was made and what it measured.
/// </summary>
/// <param name="Id">32 lower-case hex digits.</param>
/// <param name="ArtifactUri">Where its artifacts are, relative to the artifact store's root.</param>
/// <param name="Command">The command line that ran it.</param>
/// <param name="SourceVersion">The version of the code that ran it (Kiln's version and commit).</param>
/// <param name="DataFingerprint">The SHA-256 of the training data (see Kiln.Learn's DataFingerprint).</param>
/// <param name="Metrics">The latest value of each metric: highest step, then latest time.</param>
public sealed record Run(
    string Id,
    long ExperimentId,
    string Name,
    RunStatus Status,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    LifecycleStage Lifecycle,
    string ArtifactUri,
    string? UserId,
    string? Command,
    string? SourceVersion,
    long? Seed,
    string? DataFingerprint,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, Metric> Metrics,
    IReadOnlyDictionary<string, string> Tags)
{
    public TimeSpan? Duration => EndTime - StartTime;
}
