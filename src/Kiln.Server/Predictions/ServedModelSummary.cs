namespace Kiln.Server.Predictions;

/// <summary>One served model in <c>GET /api/models</c>.</summary>
/// <param name="DefaultVersion">The version a bare name predicts with: the <c>champion</c> alias's, else the latest.</param>
/// <param name="Aliases">Alias → version.</param>
public sealed record ServedModelSummary(string Name, int DefaultVersion, IReadOnlyDictionary<string, int> Aliases, IReadOnlyList<ServedVersionSummary> Versions);
