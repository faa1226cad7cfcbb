namespace Kiln.Server.Deployments;

/// <summary>
/// A model's deployment: the aliases as stored, and the versions they name as this server serves them now (null
/// until the server has read the deployment, or when the alias names no served version).
/// </summary>
public sealed record DeploymentResponse(
    string Model,
    string Primary,
    string? Canary,
    int CanaryWeight,
    string? Shadow,
    int? PrimaryVersion,
    int? CanaryVersion,
    int? ShadowVersion);
