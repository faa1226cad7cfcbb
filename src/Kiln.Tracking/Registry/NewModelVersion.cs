namespace Kiln.Tracking;

/// <summary>
/// Where a new version's package comes from — a run's artifact (<see cref="RunId"/> and <see cref="ArtifactPath"/>) or a
/// file (<see cref="PackageFile"/>, optionally with the run that made it) — and what to record with it.
/// </summary>
public sealed record NewModelVersion
{
    public string? RunId { get; init; }

    /// <summary>The package's path among the run's artifacts, such as <c>model/churn.kiln</c>.</summary>
    public string? ArtifactPath { get; init; }

    public string? PackageFile { get; init; }

    /// <summary>
    /// A source recorded as given, with no package copied or checked — a model an MLflow client logged in its own
    /// format (<c>runs:/RUN_ID/model</c>, <c>mlflow-artifacts:/…</c>); Kiln can list and alias such a version but not serve it.
    /// </summary>
    public string? SourceUri { get; init; }

    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Aliases to point at the new version in the same transaction, such as <c>challenger</c>.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    public static NewModelVersion FromRun(string runId, string artifactPath) => new() { RunId = runId, ArtifactPath = artifactPath };

    public static NewModelVersion FromSource(string sourceUri, string? runId = null) => new() { SourceUri = sourceUri, RunId = runId };

    public static NewModelVersion FromFile(string packageFile, string? runId = null) => new() { PackageFile = packageFile, RunId = runId };
}
