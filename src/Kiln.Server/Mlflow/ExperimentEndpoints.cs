using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Mlflow;

/// <summary>
/// MLflow's <c>experiments/…</c> calls over Kiln's experiment store. Experiments are seen by everyone, as on the runs
/// page; one made through the API carries its creator as owner, and only the owner or an admin renames, tags, deletes or
/// restores it — deleting or restoring one that holds other users' runs is left to an admin, as it changes them.
/// </summary>
static class ExperimentEndpoints
{
    const int SearchDefault = 1000;
    const int SearchLimit = 50000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("experiments/create", CreateAsync);
        api.MapGet("experiments/get", GetAsync);
        api.MapGet("experiments/get-by-name", GetByNameAsync);
        api.MapMethods("experiments/search", [HttpMethods.Get, HttpMethods.Post], SearchAsync);
        api.MapPost("experiments/delete", (HttpContext http, TrackingStore tracking, CancellationToken ct) =>
            ChangeAsync(http, tracking, (id, token) => tracking.Experiments.DeleteAsync(id, token), ct));
        api.MapPost("experiments/restore", (HttpContext http, TrackingStore tracking, CancellationToken ct) =>
            ChangeAsync(http, tracking, (id, token) => tracking.Experiments.RestoreAsync(id, token), ct));
        api.MapPost("experiments/update", UpdateAsync);
        api.MapPost("experiments/set-experiment-tag", SetTagAsync);
    }

    static async Task<IResult> CreateAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<CreateExperimentRequest>(http, cancellationToken);
        var name = MlflowRequest.Required(request.Name, "name");
        if (!string.IsNullOrEmpty(request.ArtifactLocation))
            throw MlflowApiException.Invalid(
                $"Invalid value '{request.ArtifactLocation}' for parameter 'artifact_location': this server keeps every experiment's artifacts in its own store; leave artifact_location out");
        var experiment = await tracking.Experiments.CreateAsync(name, MlflowAccess.Of(http).Owned(WireConvert.Tags(request.Tags, "tags")), cancellationToken);
        return MlflowResults.Ok(new CreateExperimentResponse(WireConvert.Text(experiment.Id)));
    }

    static async Task<IResult> GetAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ExperimentIdRequest>(http, cancellationToken);
        var experiment = await tracking.Experiments.GetAsync(MlflowRequest.ExperimentId(request.ExperimentId), cancellationToken);
        return MlflowResults.Ok(new ExperimentResponse(WireConvert.Experiment(experiment)));
    }

    static async Task<IResult> GetByNameAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ExperimentByNameRequest>(http, cancellationToken);
        var experiment = await tracking.Experiments.GetByNameAsync(MlflowRequest.Required(request.ExperimentName, "experiment_name"), cancellationToken);
        return MlflowResults.Ok(new ExperimentResponse(WireConvert.Experiment(experiment)));
    }

    static async Task<IResult> SearchAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<SearchExperimentsRequest>(http, cancellationToken);
        var max = MlflowRequest.MaxResults(request.MaxResults, SearchDefault, SearchLimit);
        var filter = SearchSyntax.ParseFilter(request.Filter, SearchVocabulary.Experiments);
        var order = SearchSyntax.ParseOrder(request.OrderBy, SearchVocabulary.Experiments);
        var experiments = await tracking.Experiments.ListAsync(WireConvert.View(request.ViewType, "view_type"), cancellationToken);
        // MLflow's defaults: newest first when no order is asked for, otherwise ties go to the higher id
        IReadOnlyList<SearchOrder> tieBreakers = order.Count == 0
            ? [new SearchOrder(new SearchKey(SearchEntity.Attribute, "creation_time"), false), new SearchOrder(new SearchKey(SearchEntity.Attribute, "experiment_id"), true)]
            : [new SearchOrder(new SearchKey(SearchEntity.Attribute, "experiment_id"), false)];
        var found = Search.Apply(experiments, filter, order, ValueOf, tieBreakers);
        var (page, next) = PageToken.Slice(found, request.PageToken, max);
        return MlflowResults.Ok(new SearchExperimentsResponse([.. page.Select(WireConvert.Experiment)], next));
    }

    static async Task<IResult> UpdateAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<UpdateExperimentRequest>(http, cancellationToken);
        var id = MlflowRequest.ExperimentId(request.ExperimentId);
        await RequireChangeableAsync(http, tracking, id, cancellationToken);
        await tracking.Experiments.RenameAsync(id, MlflowRequest.Required(request.NewName, "new_name"), cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> SetTagAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<SetExperimentTagRequest>(http, cancellationToken);
        var id = MlflowRequest.ExperimentId(request.ExperimentId);
        var key = MlflowRequest.Required(request.Key, "key");
        var value = request.Value ?? throw MlflowApiException.Missing("value");
        MlflowAccess.Of(http).GuardTags([key]);
        await RequireChangeableAsync(http, tracking, id, cancellationToken);
        await tracking.Experiments.SetTagAsync(id, key, value, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> ChangeAsync(HttpContext http, TrackingStore tracking, Func<long, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ExperimentIdRequest>(http, cancellationToken);
        var id = MlflowRequest.ExperimentId(request.ExperimentId);
        await RequireChangeableAsync(http, tracking, id, cancellationToken);
        await RequireRunsChangeableAsync(http, tracking, id, cancellationToken);
        await change(id, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task RequireChangeableAsync(HttpContext http, TrackingStore tracking, long id, CancellationToken cancellationToken)
    {
        var access = MlflowAccess.Of(http);
        if (access.SeesEverything) return;
        var experiment = await tracking.Experiments.GetAsync(id, cancellationToken);
        if (!access.MayChange(experiment.Tags))
            throw MlflowAccess.Denied($"experiment {id} belongs to another user or is shared; only its owner or an admin changes it");
    }

    /// <summary>
    /// Refuses deleting or restoring an experiment that holds a run the caller may not change, deleted ones included:
    /// its runs are deleted and restored with it, and experiments are shared, so others' runs may be in one's own.
    /// </summary>
    static async Task RequireRunsChangeableAsync(HttpContext http, TrackingStore tracking, long id, CancellationToken cancellationToken)
    {
        var access = MlflowAccess.Of(http);
        if (access.SeesEverything) return;
        var runs = await tracking.Runs.SearchAsync(new RunQuery { ExperimentIds = [id], View = LifecycleView.All, MaxResults = int.MaxValue }, cancellationToken);
        if (runs.Any(r => !access.MayChange(r.Tags)))
            throw MlflowAccess.Denied($"experiment {id} holds runs you may not change, which would be deleted or restored with it; only an admin does that");
    }

    static object? ValueOf(Experiment experiment, SearchKey key) => key.Entity switch
    {
        SearchEntity.Tag => experiment.Tags.TryGetValue(key.Name, out var tag) ? tag : null,
        _ => key.Name switch
        {
            "name" => experiment.Name,
            "experiment_id" => (double)experiment.Id,
            "lifecycle_stage" => WireConvert.Stage(experiment.Lifecycle),
            "creation_time" => (double)WireConvert.Millis(experiment.CreationTime),
            "last_update_time" => (double)WireConvert.Millis(experiment.LastUpdateTime),
            _ => null,
        },
    };
}
