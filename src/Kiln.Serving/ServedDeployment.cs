using Kiln.Tracking;

namespace Kiln.Serving;

/// <summary>A model's deployment with its aliases resolved to loaded versions, as one snapshot of the host serves it.</summary>
/// <param name="Deployment">The deployment as the registry holds it.</param>
/// <param name="Canary">The canary's version, or null when there is none or its alias names no loaded version.</param>
/// <param name="Shadow">The shadow's version, or null when there is none or its alias names no loaded version.</param>
public sealed record ServedDeployment(ModelDeployment Deployment, ServedModel Primary, ServedModel? Canary, ServedModel? Shadow)
{
    /// <summary>The canary's share of requests in per cent; 0 without a canary.</summary>
    public int CanaryWeight => Canary is null ? 0 : Deployment.CanaryWeight;
}
