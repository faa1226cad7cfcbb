using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Mlflow;

/// <summary>MLflow's <c>registered-models/…</c> calls over Kiln's model registry.</summary>
static class RegistryEndpoints
{
    const int SearchDefault = 100;
    const int SearchLimit = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("registered-models/create", CreateAsync);
        api.MapGet("registered-models/get", GetAsync);
        api.MapMethods("registered-models/search", [HttpMethods.Get, HttpMethods.Post], SearchAsync);
        api.MapPatch("registered-models/update", UpdateAsync);
        api.MapDelete("registered-models/delete", DeleteAsync);
        api.MapPost("registered-models/set-tag", SetTagAsync);
        api.MapDelete("registered-models/delete-tag", DeleteTagAsync);
        api.MapPost("registered-models/alias", SetAliasAsync);
        api.MapDelete("registered-models/alias", DeleteAliasAsync);
        api.MapGet("registered-models/alias", GetByAliasAsync);
        api.MapMethods("registered-models/get-latest-versions", [HttpMethods.Get, HttpMethods.Post], LatestVersionsAsync);
    }

    /// <summary>A registered model in MLflow's shape, with its newest version as <c>latest_versions</c> (Kiln has one stage, "None").</summary>
    public static async Task<WireRegisteredModel> WireAsync(TrackingStore tracking, RegisteredModel model, CancellationToken cancellationToken)
    {
        var latest = model.LatestVersion is { } version ? await tracking.Registry.GetVersionAsync(model.Name, version, cancellationToken) : null;
        return WireConvert.RegisteredModel(model, latest);
    }

    static async Task<IResult> CreateAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<CreateRegisteredModelRequest>(http, cancellationToken);
        var model = await tracking.Registry.CreateModelAsync(MlflowRequest.Required(request.Name, "name"), request.Description,
            MlflowAccess.Of(http).Owned(WireConvert.Tags(request.Tags, "tags")), cancellationToken);
        return MlflowResults.Ok(new RegisteredModelResponse(await WireAsync(tracking, model, cancellationToken)));
    }

    static async Task<IResult> GetAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelNameRequest>(http, cancellationToken);
        var model = await MlflowAccess.Of(http).SeenModelAsync(tracking, MlflowRequest.Required(request.Name, "name"), cancellationToken);
        return MlflowResults.Ok(new RegisteredModelResponse(await WireAsync(tracking, model, cancellationToken)));
    }

    static async Task<IResult> SearchAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<SearchRegisteredModelsRequest>(http, cancellationToken);
        var max = MlflowRequest.MaxResults(request.MaxResults, SearchDefault, SearchLimit);
        var filter = SearchSyntax.ParseFilter(request.Filter, SearchVocabulary.RegisteredModels);
        var order = SearchSyntax.ParseOrder(request.OrderBy, SearchVocabulary.RegisteredModels);
        var access = MlflowAccess.Of(http);
        // filtered before paging, so page tokens count only what the caller may see
        var models = (await tracking.Registry.ListModelsAsync(cancellationToken)).Where(m => access.MaySee(m.Tags));
        var found = Search.Apply(models, filter, order, ValueOf, [new SearchOrder(new SearchKey(SearchEntity.Attribute, "name"), true)]);
        var (page, next) = PageToken.Slice(found, request.PageToken, max);
        var wire = new List<WireRegisteredModel>(page.Count);
        foreach (var model in page) wire.Add(await WireAsync(tracking, model, cancellationToken));
        return MlflowResults.Ok(new SearchRegisteredModelsResponse(wire, next));
    }

    static async Task<IResult> UpdateAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<UpdateRegisteredModelRequest>(http, cancellationToken);
        var name = MlflowRequest.Required(request.Name, "name");
        await MlflowAccess.Of(http).RequireChangeableModelAsync(tracking, name, cancellationToken);
        var model = await tracking.Registry.UpdateModelAsync(name, request.Description, cancellationToken);
        return MlflowResults.Ok(new RegisteredModelResponse(await WireAsync(tracking, model, cancellationToken)));
    }

    static async Task<IResult> DeleteAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelNameRequest>(http, cancellationToken);
        var name = MlflowRequest.Required(request.Name, "name");
        await MlflowAccess.Of(http).RequireChangeableModelAsync(tracking, name, cancellationToken);
        await tracking.Registry.DeleteModelAsync(name, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> SetTagAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelTagRequest>(http, cancellationToken);
        var (name, key) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Required(request.Key, "key"));
        var value = request.Value ?? throw MlflowApiException.Missing("value");
        await MlflowAccess.Of(http).RequireModelTagChangeAsync(tracking, name, key, cancellationToken);
        await tracking.Registry.SetModelTagAsync(name, key, value, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> DeleteTagAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelTagRequest>(http, cancellationToken);
        var (name, key) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Required(request.Key, "key"));
        await MlflowAccess.Of(http).RequireModelTagChangeAsync(tracking, name, key, cancellationToken);
        await tracking.Registry.DeleteModelTagAsync(name, key, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> SetAliasAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<SetAliasRequest>(http, cancellationToken);
        var name = MlflowRequest.Required(request.Name, "name");
        var (alias, version) = (MlflowRequest.Required(request.Alias, "alias"), MlflowRequest.Version(request.Version));
        await MlflowAccess.Of(http).RequireChangeableModelAsync(tracking, name, cancellationToken);
        await tracking.Registry.SetAliasAsync(name, alias, version, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> DeleteAliasAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<AliasRequest>(http, cancellationToken);
        var (name, alias) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Required(request.Alias, "alias"));
        await MlflowAccess.Of(http).RequireChangeableModelAsync(tracking, name, cancellationToken);
        await tracking.Registry.DeleteAliasAsync(name, alias, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> GetByAliasAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<AliasRequest>(http, cancellationToken);
        var (name, alias) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Required(request.Alias, "alias"));
        await MlflowAccess.Of(http).RequireSeenModelAsync(tracking, name, cancellationToken);
        var version = await tracking.Registry.GetVersionByAliasAsync(name, alias, cancellationToken);
        return MlflowResults.Ok(new ModelVersionResponse(WireConvert.ModelVersion(version)));
    }

    static async Task<IResult> LatestVersionsAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<LatestVersionsRequest>(http, cancellationToken);
        var model = await MlflowAccess.Of(http).SeenModelAsync(tracking, MlflowRequest.Required(request.Name, "name"), cancellationToken);
        var stages = request.Stages ?? [];
        var wanted = stages.Count == 0 || stages.Contains(WireConvert.NoStage, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<WireModelVersion> latest = wanted && model.LatestVersion is { } version
            ? [WireConvert.ModelVersion(await tracking.Registry.GetVersionAsync(model.Name, version, cancellationToken))]
            : [];
        return MlflowResults.Ok(new ModelVersionsResponse(latest, null));
    }

    static object? ValueOf(RegisteredModel model, SearchKey key) => key.Entity switch
    {
        SearchEntity.Tag => model.Tags.TryGetValue(key.Name, out var tag) ? tag : null,
        _ => key.Name switch
        {
            "name" => model.Name,
            "creation_timestamp" => (double)WireConvert.Millis(model.CreationTime),
            "last_updated_timestamp" => (double)WireConvert.Millis(model.LastUpdatedTime),
            _ => null,
        },
    };
}
