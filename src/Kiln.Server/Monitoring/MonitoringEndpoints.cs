using System.Text.Json;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Monitoring;

/// <summary>
/// <c>GET /api/models/{name}/monitoring</c>: drift and live quality per version from the prediction log;
/// <c>POST /api/models/{name}/feedback</c>: true labels for logged predictions, named by prediction id and row.
/// </summary>
public static class MonitoringEndpoints
{
    /// <summary>The most labels one feedback request may carry.</summary>
    public const int MaximumFeedbackItems = 10_000;

    /// <summary>Maps the endpoints; with <paramref name="requireApiKey"/> each needs an API key or a signed-in session, as the prediction endpoints do.</summary>
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder endpoints, bool requireApiKey = false)
    {
        var models = endpoints.MapGroup("/api/models/{name}").WithTags("Monitoring");
        if (requireApiKey) Predictions.ModelAccessFilter.Require(models);
        models.MapGet("/monitoring", Monitoring)
            .WithName("GetModelMonitoring")
            .WithSummary("Per-version data drift against the training data, prediction drift, live accuracy and alerts; since=24h or an ISO time");
        models.MapPost("/feedback", Feedback)
            .WithName("PostModelFeedback")
            .WithSummary("True labels for logged predictions: [{\"id\": PREDICTION_ID, \"row\": 0, \"label\": \"yes\"}]");
        return endpoints;
    }

    static async Task<Results<Ok<MonitoringResponse>, ProblemHttpResult>> Monitoring(string name, string? since, ModelMonitor monitor,
        PredictionLog log, AlertNotifier notifier, CancellationToken cancellationToken)
    {
        DateTimeOffset? from = null;
        if (since is not null)
        {
            try
            {
                from = MonitoringWindow.ParseSince(since, DateTimeOffset.UtcNow);
            }
            catch (FormatException e)
            {
                return Invalid("since", e.Message);
            }
        }
        try
        {
            var report = await monitor.ReportAsync(name, from, cancellationToken);
            await notifier.NotifyAsync(report, cancellationToken);
            return TypedResults.Ok(new MonitoringResponse(report, log.Counters));
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            return NotFound(e.Message);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status500InternalServerError, title: "The prediction log or a reference profile is damaged");
        }
    }

    static async Task<Results<Ok<FeedbackReceipt>, ProblemHttpResult>> Feedback(string name, FeedbackItem[]? items, TrackingStore tracking,
        PredictionLog log, CancellationToken cancellationToken)
    {
        if (items is null || items.Length == 0) return Invalid("body", "give a JSON array of {\"id\", \"row\", \"label\"} objects, at least one");
        if (items.Length > MaximumFeedbackItems) return Invalid("body", $"{items.Length} labels in one request; send at most {MaximumFeedbackItems}");
        var now = DateTimeOffset.UtcNow;
        var feedback = new List<PredictionFeedback>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (item is null) return Invalid($"[{i}]", "is null; give an object with id, row and label");
            if (string.IsNullOrWhiteSpace(item.Id)) return Invalid($"[{i}].id", "is missing; give the id the prediction answered with");
            if (item.Row < 0) return Invalid($"[{i}].row", $"is {item.Row}; rows count from 0");
            if (item.Label.ValueKind is JsonValueKind.Object or JsonValueKind.Array || FeatureValues.Category(item.Label) is not { } label)
                return Invalid($"[{i}].label", "is missing or not a single value; give the true class or value");
            feedback.Add(new PredictionFeedback(item.Id, item.Row, label, now));
        }
        try
        {
            await tracking.Registry.GetModelAsync(name, cancellationToken);
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            return NotFound(e.Message);
        }
        await log.AddFeedbackAsync(name, feedback, cancellationToken);
        return TypedResults.Ok(new FeedbackReceipt(name, feedback.Count));
    }

    static ProblemHttpResult Invalid(string field, string detail) =>
        TypedResults.Problem($"{field} {detail}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
