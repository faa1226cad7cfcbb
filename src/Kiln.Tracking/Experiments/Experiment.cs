namespace Kiln.Tracking;

/// <summary>A named group of runs. Deleting one marks it (and its runs) deleted; its name stays taken until it is restored or renamed.</summary>
/// <param name="ArtifactLocation">Where its runs' artifacts go, relative to the artifact store's root.</param>
public sealed record Experiment(
    long Id,
    string Name,
    string ArtifactLocation,
    LifecycleStage Lifecycle,
    DateTimeOffset CreationTime,
    DateTimeOffset LastUpdateTime,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The experiment runs go to when none is named; it always exists and cannot be deleted (MLflow's experiment 0).</summary>
    public const long DefaultId = 0;

    public const string DefaultName = "Default";
}
