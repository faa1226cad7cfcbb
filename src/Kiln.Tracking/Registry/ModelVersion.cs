namespace Kiln.Tracking;

/// <summary>One registered version of a model: a copy of a model package, kept apart from the run that made it.</summary>
/// <param name="Source">Where the package came from: <c>runs:/RUN_ID/PATH</c> or the file it was registered from.</param>
/// <param name="StorageLocation">The registry's own copy of the package, a path in the artifact store.</param>
public sealed record ModelVersion(
    string Name,
    int Version,
    string? Description,
    DateTimeOffset CreationTime,
    DateTimeOffset LastUpdatedTime,
    string Source,
    string? RunId,
    ModelVersionStatus Status,
    string? StatusMessage,
    string StorageLocation,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Aliases);
