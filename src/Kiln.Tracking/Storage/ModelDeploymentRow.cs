namespace Kiln.Tracking.Storage;

/// <summary>
/// The <c>model_deployments</c> table: at most one deployment per registered model, naming aliases rather than
/// versions so that moving an alias moves the traffic with it.
/// </summary>
sealed class ModelDeploymentRow
{
    public required string Name { get; set; }
    public required string PrimaryAlias { get; set; }
    public string? CanaryAlias { get; set; }
    public int CanaryWeight { get; set; }
    public string? ShadowAlias { get; set; }
    public long LastUpdatedTime { get; set; }
}
