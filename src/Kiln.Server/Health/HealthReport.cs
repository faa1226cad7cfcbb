namespace Kiln.Server.Health;

/// <summary>What <c>GET /health</c> answers: the server is up, which Kiln it is and how long it has run.</summary>
public sealed record HealthReport(string Status, string Version, string Tracking, double UptimeSeconds);
