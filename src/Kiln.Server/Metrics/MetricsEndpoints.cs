using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Metrics;

/// <summary><c>GET /metrics</c>: the prediction counters and latency histogram for Prometheus to scrape.</summary>
public static class MetricsEndpoints
{
    const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (PredictionMetrics metrics) =>
            {
                var text = new StringBuilder();
                metrics.Write(text);
                return TypedResults.Text(text.ToString(), ContentType, Encoding.UTF8);
            })
            .WithName("Metrics")
            .WithSummary("Prometheus metrics: prediction requests, errors, rows and latency per model and version");
        return endpoints;
    }
}
