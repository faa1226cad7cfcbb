using System.Diagnostics;
using Kiln.Learn;
using Kiln.Serving;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Health;

/// <summary><c>GET /health</c>: liveness and readiness for load balancers and orchestrators — 200 once the models are loaded, 503 before.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var uptime = Stopwatch.StartNew();
        endpoints.MapGet("/health", (TrackingStore tracking, ModelHost host) => Report(tracking, host, uptime.Elapsed))
            .WithName("Health")
            .WithSummary("The server is up: its Kiln version, tracking database, uptime, and the loaded models (503 until they are loaded)")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    static Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> Report(TrackingStore tracking, ModelHost host, TimeSpan uptime)
    {
        var ready = host.IsReady;
        var report = new HealthReport(ready ? "ok" : "loading", ModelPackage.KilnVersion, tracking.Connection.Provider.ToString(), Math.Round(uptime.TotalSeconds, 3),
            ready, [.. host.Models.SelectMany(m => m.Versions).Select(v => v.ToString())]);
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
