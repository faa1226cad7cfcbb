namespace Kiln.Serving.Monitoring;

/// <summary>The body posted to the alert webhook for one model version's alerts.</summary>
public sealed record AlertMessage(string Model, int Version, DateTimeOffset Time, IReadOnlyList<string> Alerts);
