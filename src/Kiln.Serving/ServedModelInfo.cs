namespace Kiln.Serving;

/// <summary>A registered model as the host serves it: its loaded versions, its aliases and the version a bare name answers with.</summary>
/// <param name="Aliases">Alias → version, for the aliases whose version is loaded.</param>
/// <param name="DefaultVersion">The version <c>POST /api/models/{name}/predict</c> uses: the deployment's primary, else the <c>champion</c> alias's, else the latest.</param>
public sealed record ServedModelInfo(string Name, IReadOnlyList<ServedModel> Versions, IReadOnlyDictionary<string, int> Aliases, int DefaultVersion)
{
    /// <summary>How the bare name splits its requests, or null when the model has no deployment (or its primary alias names no loaded version).</summary>
    public ServedDeployment? Deployment { get; init; }
}
