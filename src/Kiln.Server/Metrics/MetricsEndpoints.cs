using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the prediction counters and latency histogram for Prometheus to scrape. Its series name every
/// user's models, so a server that requires keys answers an admin alone (Prometheus sends an admin's key as its bearer token).
/// </summary>
public static class MetricsEndpoints
{
    const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The authorization policy of <c>/metrics</c> on a server that requires keys: an admin, by key or session.</summary>
    public const string AdminPolicy = "Admin";

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints, bool requireApiKey = false)
    {
        var metrics = endpoints.MapGet("/metrics", (PredictionMetrics metrics) =>
            {
                var text = new StringBuilder();
                metrics.Write(text);
                return TypedResults.Text(text.ToString(), ContentType, Encoding.UTF8);
            })
            .WithName("Metrics")
            .WithSummary("Prometheus metrics: prediction requests, errors, rows and latency per model and version");
        if (requireApiKey) metrics.RequireAuthorization(AdminPolicy);
        return endpoints;
    }
}
