using System.Diagnostics;
using Kiln.Learn;
using Kiln.Server.Predictions;
using Kiln.Serving;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Health;

/// <summary>
/// <c>GET /health</c>: liveness and readiness for load balancers and orchestrators — 200 once the models are loaded, 503
/// before. On a server that requires keys it names only the models the caller may see: none to an anonymous probe.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints, bool requireApiKey = false)
    {
        var uptime = Stopwatch.StartNew();
        endpoints.MapGet("/health", async (TrackingStore tracking, ModelHost host, ModelAccessFilter access, HttpContext context) =>
                Report(tracking, host, uptime.Elapsed, await ShownAsync(host, requireApiKey ? access : null, context)))
            .WithName("Health")
            .WithSummary("The server is up: its Kiln version, tracking database, uptime, and the loaded models you may see (503 until they are loaded)")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    static async Task<IReadOnlyList<string>> ShownAsync(ModelHost host, ModelAccessFilter? access, HttpContext context)
    {
        var shown = new List<string>();
        foreach (var model in host.Models)
            if (access is null || await access.MaySeeAsync(context.User, model.Name, context.RequestAborted))
                shown.AddRange(model.Versions.Select(v => v.ToString()));
        return shown;
    }

    static Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> Report(TrackingStore tracking, ModelHost host, TimeSpan uptime, IReadOnlyList<string> models)
    {
        var ready = host.IsReady;
        var report = new HealthReport(ready ? "ok" : "loading", ModelPackage.KilnVersion, tracking.Connection.Provider.ToString(), Math.Round(uptime.TotalSeconds, 3), ready, models);
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
