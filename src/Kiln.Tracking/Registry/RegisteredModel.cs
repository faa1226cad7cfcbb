namespace Kiln.Tracking;

/// <summary>A named model in the registry: its versions are numbered 1, 2, … and aliases (<c>champion</c>, <c>challenger</c> …) point at them.</summary>
/// <param name="Aliases">Alias → the version it names.</param>
/// <param name="LatestVersion">The highest version number that exists, or null before the first.</param>
public sealed record RegisteredModel(
    string Name,
    string? Description,
    DateTimeOffset CreationTime,
    DateTimeOffset LastUpdatedTime,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, int> Aliases,
    int? LatestVersion);
