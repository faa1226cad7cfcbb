namespace Kiln.Server.Health;

/// <summary>What <c>GET /health</c> answers: the server is up, which Kiln it is, how long it has run, and whether its models are loaded.</summary>
/// <param name="Status"><c>ok</c> once the models are loaded, <c>loading</c> before.</param>
/// <param name="Ready">Whether predictions are answered: false until the registry's models are loaded (the answer is then 503).</param>
/// <param name="Models">The loaded versions, as <c>name/version</c>.</param>
public sealed record HealthReport(string Status, string Version, string Tracking, double UptimeSeconds, bool Ready, IReadOnlyList<string> Models);
