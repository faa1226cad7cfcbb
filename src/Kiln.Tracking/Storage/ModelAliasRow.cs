namespace Kiln.Tracking.Storage;

/// <summary>An alias (<c>champion</c>, <c>challenger</c> …) naming one version of a registered model.</summary>
sealed class ModelAliasRow
{
    public required string Name { get; set; }
    public required string Alias { get; set; }
    public int Version { get; set; }
}
