namespace Kiln.Serving.Monitoring;

/// <summary>What one version did in one role over the window: its logged requests, their share, and how right it was.</summary>
/// <param name="Role"><c>primary</c> or <c>canary</c> (answered for the deployment), <c>shadow</c> (predicted, never returned), or <c>direct</c> (named by alias or version, or no deployment).</param>
/// <param name="Share">Of all the model's answered requests in the window, the share this version answered in this role; null for a shadow, which answers none.</param>
/// <param name="Agreement">A shadow's rows predicted the same as the answer that went out, as a share of <paramref name="Rows"/>; null for the other roles.</param>
/// <param name="Quality">Live quality from feedback on these requests (a shadow's rows are scored by the feedback given to the answer it shadowed).</param>
public sealed record RoleTraffic(string Role, long Requests, long Rows, double? Share, double? Agreement, LiveQuality Quality);
