namespace Kiln.Server.Deployments;

/// <summary>The body of <c>PUT /api/models/{name}/deployment</c>.</summary>
/// <param name="Primary">The alias that serves by default, such as <c>champion</c>.</param>
/// <param name="Canary">The alias that serves <paramref name="CanaryWeight"/> per cent of requests, or null.</param>
/// <param name="CanaryWeight">The canary's share of requests, 1–99 per cent.</param>
/// <param name="Shadow">The alias that predicts every request in the background, logged and never returned, or null.</param>
public sealed record DeploymentRequest(string? Primary, string? Canary = null, int? CanaryWeight = null, string? Shadow = null);
