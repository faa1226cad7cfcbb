using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Mlflow;

/// <summary>MLflow's <c>runs/…</c>, <c>metrics/get-history</c> and <c>artifacts/list</c> calls over Kiln's run store.</summary>
static class RunEndpoints
{
    const int SearchDefault = 1000;
    const int SearchLimit = 50000;
    const int HistoryDefault = 25000;
    const int HistoryLimit = 25000;
    const string ModelHistoryTag = "mlflow.log-model.history";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("runs/create", CreateAsync);
        api.MapGet("runs/get", GetAsync);
        api.MapPost("runs/update", UpdateAsync);
        api.MapPost("runs/delete", (HttpContext http, TrackingStore tracking, CancellationToken ct) => ChangeAsync(http, tracking, tracking.Runs.DeleteAsync, ct));
        api.MapPost("runs/restore", (HttpContext http, TrackingStore tracking, CancellationToken ct) => ChangeAsync(http, tracking, tracking.Runs.RestoreAsync, ct));
        api.MapMethods("runs/search", [HttpMethods.Get, HttpMethods.Post], SearchAsync);
        api.MapPost("runs/log-metric", LogMetricAsync);
        api.MapPost("runs/log-parameter", LogParamAsync);
        api.MapPost("runs/set-tag", SetTagAsync);
        api.MapPost("runs/delete-tag", DeleteTagAsync);
        api.MapPost("runs/log-batch", LogBatchAsync);
        api.MapPost("runs/log-model", LogModelAsync);
        api.MapGet("metrics/get-history", HistoryAsync);
        api.MapGet("artifacts/list", ListArtifactsAsync);
    }

    static async Task<IResult> CreateAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<CreateRunRequest>(http, cancellationToken);
        var experimentId = string.IsNullOrEmpty(request.ExperimentId) ? Experiment.DefaultId : MlflowRequest.ExperimentId(request.ExperimentId);
        var tags = MlflowAccess.Of(http).Owned(WireConvert.Tags(request.Tags, "tags"));
        var name = !string.IsNullOrEmpty(request.RunName) ? request.RunName : tags.GetValueOrDefault(WireConvert.RunNameTag);
        if (name is not null && tags.TryGetValue(WireConvert.RunNameTag, out var tagged) && tagged != name)
            throw MlflowApiException.Invalid($"Both 'run_name' ('{name}') and the tag '{WireConvert.RunNameTag}' ('{tagged}') are set, and they differ");
        var start = new RunStart
        {
            ExperimentId = experimentId,
            Name = name,
            UserId = request.UserId,
            StartTime = request.StartTime is { } millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null,
            Tags = tags,
        };
        var run = await tracking.Runs.CreateAsync(start, cancellationToken);
        if (!run.Tags.ContainsKey(WireConvert.RunNameTag))
        {
            await tracking.Runs.SetTagAsync(run.Id, WireConvert.RunNameTag, run.Name, cancellationToken);
            run = await tracking.Runs.GetAsync(run.Id, cancellationToken);
        }
        return MlflowResults.Ok(new RunResponse(WireConvert.Run(run)));
    }

    static async Task<IResult> GetAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<RunIdRequest>(http, cancellationToken);
        var run = await MlflowAccess.Of(http).SeenRunAsync(tracking, MlflowRequest.RunId(request.RunId, request.RunUuid), cancellationToken);
        return MlflowResults.Ok(new RunResponse(WireConvert.Run(run)));
    }

    static async Task<IResult> UpdateAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<UpdateRunRequest>(http, cancellationToken);
        var runId = MlflowRequest.RunId(request.RunId, request.RunUuid);
        await MlflowAccess.Of(http).RequireChangeableRunAsync(tracking, runId, cancellationToken);
        RunStatus? status = string.IsNullOrEmpty(request.Status) ? null : WireConvert.Status(request.Status);
        DateTimeOffset? end = request.EndTime is { } millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null;
        var name = string.IsNullOrEmpty(request.RunName) ? null : request.RunName;
        var run = await tracking.Runs.UpdateAsync(runId, status, end, name, cancellationToken);
        if (name is not null) await tracking.Runs.SetTagAsync(runId, WireConvert.RunNameTag, name, cancellationToken);
        return MlflowResults.Ok(new UpdateRunResponse(WireConvert.RunInfo(run)));
    }

    static async Task<IResult> SearchAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<SearchRunsRequest>(http, cancellationToken);
        var max = MlflowRequest.MaxResults(request.MaxResults, SearchDefault, SearchLimit);
        var filter = SearchSyntax.ParseFilter(request.Filter, SearchVocabulary.Runs);
        var order = SearchSyntax.ParseOrder(request.OrderBy, SearchVocabulary.Runs);
        var view = WireConvert.View(request.RunViewType, "run_view_type");
        var experimentIds = (request.ExperimentIds ?? []).Select(id => MlflowRequest.ExperimentId(id, "experiment_ids")).ToList();
        // as MLflow does, a search names its experiments: none named finds no runs
        IReadOnlyList<Run> runs = experimentIds.Count == 0 ? []
            : await tracking.Runs.SearchAsync(new RunQuery { ExperimentIds = experimentIds, View = view, MaxResults = int.MaxValue }, cancellationToken);
        // the caller's view is filtered before paging, so page tokens count only what they may see
        var access = MlflowAccess.Of(http);
        var found = Search.Apply(runs.Where(r => access.MaySee(r.Tags)), filter, order, ValueOf,
            [new SearchOrder(new SearchKey(SearchEntity.Attribute, "start_time"), false), new SearchOrder(new SearchKey(SearchEntity.Attribute, "run_id"), true)]);
        var (page, next) = PageToken.Slice(found, request.PageToken, max);
        return MlflowResults.Ok(new SearchRunsResponse([.. page.Select(WireConvert.Run)], next));
    }

    static async Task<IResult> LogMetricAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<LogMetricRequest>(http, cancellationToken);
        var runId = MlflowRequest.RunId(request.RunId, request.RunUuid);
        await MlflowAccess.Of(http).RequireChangeableRunAsync(tracking, runId, cancellationToken);
        var key = MlflowRequest.Required(request.Key, "key");
        var value = MlflowRequest.Required(request.Value, "value");
        var timestamp = MlflowRequest.Required(request.Timestamp, "timestamp");
        await tracking.Runs.LogMetricAsync(runId, key, value, request.Step ?? 0, DateTimeOffset.FromUnixTimeMilliseconds(timestamp), cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> LogParamAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<RunKeyValueRequest>(http, cancellationToken);
        var runId = MlflowRequest.RunId(request.RunId, request.RunUuid);
        await MlflowAccess.Of(http).RequireChangeableRunAsync(tracking, runId, cancellationToken);
        await tracking.Runs.LogParamAsync(runId, MlflowRequest.Required(request.Key, "key"),
            request.Value ?? throw MlflowApiException.Missing("value"), cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> SetTagAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<RunKeyValueRequest>(http, cancellationToken);
        var runId = MlflowRequest.RunId(request.RunId, request.RunUuid);
        var key = MlflowRequest.Required(request.Key, "key");
        var value = request.Value ?? throw MlflowApiException.Missing("value");
        var access = MlflowAccess.Of(http);
        access.GuardTags([key]);
        await access.RequireChangeableRunAsync(tracking, runId, cancellationToken);
        await tracking.Runs.SetTagAsync(runId, key, value, cancellationToken);
        // MLflow keeps the run's name and this tag as one
        if (key == WireConvert.RunNameTag) await tracking.Runs.UpdateAsync(runId, name: value, cancellationToken: cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> DeleteTagAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<RunKeyValueRequest>(http, cancellationToken);
        var runId = MlflowRequest.RunId(request.RunId, request.RunUuid);
        var key = MlflowRequest.Required(request.Key, "key");
        var access = MlflowAccess.Of(http);
        access.GuardTags([key]);
        await access.RequireChangeableRunAsync(tracking, runId, cancellationToken);
        await tracking.Runs.DeleteTagAsync(runId, key, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> LogBatchAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<LogBatchRequest>(http, cancellationToken);
        var runId = MlflowRequest.Required(request.RunId, "run_id");
        var metrics = (request.Metrics ?? []).Select((m, i) => new NewMetric(
            MlflowRequest.Required(m.Key, $"metrics[{i}].key"),
            MlflowRequest.Required(m.Value, $"metrics[{i}].value"),
            m.Step ?? 0,
            DateTimeOffset.FromUnixTimeMilliseconds(MlflowRequest.Required(m.Timestamp, $"metrics[{i}].timestamp")))).ToList();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (p, i) in (request.Params ?? []).Select((p, i) => (p, i)))
        {
            var key = MlflowRequest.Required(p.Key, $"params[{i}].key");
            var value = p.Value ?? throw MlflowApiException.Missing($"params[{i}].value");
            if (parameters.TryGetValue(key, out var earlier) && earlier != value)
                throw MlflowApiException.Invalid($"Duplicate parameter keys have been submitted: param '{key}' is given twice with different values");
            parameters[key] = value;
        }
        var tags = WireConvert.Tags(request.Tags, "tags");
        var access = MlflowAccess.Of(http);
        access.GuardTags(tags.Keys);
        await access.RequireChangeableRunAsync(tracking, runId, cancellationToken);
        await tracking.Runs.LogBatchAsync(runId, metrics, parameters, tags, cancellationToken);
        return MlflowResults.Empty();
    }

    /// <summary>Appends a logged model's description to the run's <c>mlflow.log-model.history</c> tag, where MLflow keeps it.</summary>
    static async Task<IResult> LogModelAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<LogModelRequest>(http, cancellationToken);
        var runId = MlflowRequest.Required(request.RunId, "run_id");
        JsonObject model;
        try
        {
            model = JsonNode.Parse(MlflowRequest.Required(request.ModelJson, "model_json")) as JsonObject
                ?? throw MlflowApiException.Invalid("Invalid value for parameter 'model_json': expected a JSON object");
        }
        catch (JsonException e)
        {
            throw MlflowApiException.Invalid($"Invalid value for parameter 'model_json': {e.Message}");
        }
        var run = await MlflowAccess.Of(http).ChangeableRunAsync(tracking, runId, cancellationToken);
        var history = run.Tags.TryGetValue(ModelHistoryTag, out var logged) && JsonNode.Parse(logged) is JsonArray earlier ? earlier : [];
        history.Add(model);
        await tracking.Runs.SetTagAsync(runId, ModelHistoryTag, history.ToJsonString(), cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> HistoryAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<MetricHistoryRequest>(http, cancellationToken);
        var runId = MlflowRequest.RunId(request.RunId, request.RunUuid);
        var key = MlflowRequest.Required(request.MetricKey, "metric_key");
        var max = MlflowRequest.MaxResults(request.MaxResults, HistoryDefault, HistoryLimit);
        await MlflowAccess.Of(http).RequireSeenRunAsync(tracking, runId, cancellationToken);
        var history = await tracking.Runs.GetMetricHistoryAsync(runId, key, cancellationToken);
        var (page, next) = PageToken.Slice(history, request.PageToken, max);
        return MlflowResults.Ok(new MetricHistoryResponse([.. page.Select(WireConvert.Metric)], next));
    }

    static async Task<IResult> ListArtifactsAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ListRunArtifactsRequest>(http, cancellationToken);
        var runId = MlflowRequest.RunId(request.RunId, request.RunUuid);
        var run = await MlflowAccess.Of(http).SeenRunAsync(tracking, runId, cancellationToken);
        var entries = await tracking.Runs.ListArtifactsAsync(runId, request.Path ?? "", cancellationToken);
        return MlflowResults.Ok(new ListRunArtifactsResponse(MlflowArtifactUri.Of(run.ArtifactUri), [.. entries.Select(e => WireConvert.File(e, e.Path))]));
    }

    static async Task<IResult> ChangeAsync(HttpContext http, TrackingStore tracking, Func<string, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<RunIdRequest>(http, cancellationToken);
        var runId = MlflowRequest.RunId(request.RunId, request.RunUuid);
        await MlflowAccess.Of(http).RequireChangeableRunAsync(tracking, runId, cancellationToken);
        await change(runId, cancellationToken);
        return MlflowResults.Empty();
    }

    static object? ValueOf(Run run, SearchKey key) => key.Entity switch
    {
        SearchEntity.Metric => run.Metrics.TryGetValue(key.Name, out var metric) ? metric.Value : null,
        SearchEntity.Param => run.Params.TryGetValue(key.Name, out var param) ? param : null,
        SearchEntity.Tag => run.Tags.TryGetValue(key.Name, out var tag) ? tag : null,
        _ => key.Name switch
        {
            "run_id" => run.Id,
            "run_name" => run.Name,
            "status" => WireConvert.Status(run.Status),
            "user_id" => run.UserId,
            "artifact_uri" => MlflowArtifactUri.Of(run.ArtifactUri),
            "lifecycle_stage" => WireConvert.Stage(run.Lifecycle),
            "experiment_id" => WireConvert.Text(run.ExperimentId),
            "start_time" or "created" => (double)WireConvert.Millis(run.StartTime),
            "end_time" => run.EndTime is { } end ? (double)WireConvert.Millis(end) : null,
            _ => null,
        },
    };
}
