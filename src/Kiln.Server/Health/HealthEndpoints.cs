using System.Diagnostics;
using Kiln.Learn;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Health;

/// <summary><c>GET /health</c>: liveness for load balancers and orchestrators.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var uptime = Stopwatch.StartNew();
        endpoints.MapGet("/health", (TrackingStore tracking) => Report(tracking, uptime.Elapsed))
            .WithName("Health")
            .WithSummary("The server is up: its Kiln version, tracking database and uptime");
        return endpoints;
    }

    static Ok<HealthReport> Report(TrackingStore tracking, TimeSpan uptime) =>
        TypedResults.Ok(new HealthReport("ok", ModelPackage.KilnVersion, tracking.Connection.Provider.ToString(), Math.Round(uptime.TotalSeconds, 3)));
}
