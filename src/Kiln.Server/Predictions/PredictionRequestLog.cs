using Microsoft.Extensions.Logging;

namespace Kiln.Server.Predictions;

/// <summary>The one structured line each prediction request writes.</summary>
internal static partial class PredictionRequestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "predict {Model} version {Version} → {Status} in {LatencyMs:0.000} ms, {Rows} rows")]
    public static partial void Answered(ILogger logger, string model, string version, int status, double latencyMs, int rows);
}
