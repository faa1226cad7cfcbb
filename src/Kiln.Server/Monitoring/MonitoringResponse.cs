using Kiln.Serving.Monitoring;

namespace Kiln.Server.Monitoring;

/// <summary>What <c>GET /api/models/{name}/monitoring</c> answers: the report, and what the prediction log kept and lost.</summary>
public sealed record MonitoringResponse(MonitoringReport Report, PredictionLogCounters Log);
