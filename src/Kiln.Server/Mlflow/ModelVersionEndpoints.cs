using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Mlflow;

/// <summary>MLflow's <c>model-versions/…</c> calls over Kiln's model registry.</summary>
static class ModelVersionEndpoints
{
    const int SearchDefault = 10000;
    const int SearchLimit = 200000;
    const string RunsScheme = "runs:/";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("model-versions/create", CreateAsync);
        api.MapGet("model-versions/get", GetAsync);
        api.MapMethods("model-versions/search", [HttpMethods.Get, HttpMethods.Post], SearchAsync);
        api.MapPatch("model-versions/update", UpdateAsync);
        api.MapDelete("model-versions/delete", DeleteAsync);
        api.MapPost("model-versions/set-tag", SetTagAsync);
        api.MapDelete("model-versions/delete-tag", DeleteTagAsync);
        api.MapGet("model-versions/get-download-uri", DownloadUriAsync);
    }

    static async Task<IResult> CreateAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<CreateModelVersionRequest>(http, cancellationToken);
        var name = MlflowRequest.Required(request.Name, "name");
        var source = MlflowRequest.Required(request.Source, "source");
        var access = MlflowAccess.Of(http);
        var tags = access.Owned(WireConvert.Tags(request.Tags, "tags"));
        await access.RequireChangeableModelAsync(tracking, name, cancellationToken);
        var origin = await SourceOfAsync(tracking, source, request.RunId, cancellationToken) with { Description = request.Description, Tags = tags };
        // a version copies its run's package: only from a run the caller may see
        if (origin.RunId is { } runId) await access.RequireSeenRunAsync(tracking, runId, cancellationToken);
        var version = await tracking.Registry.CreateVersionAsync(name, origin, cancellationToken);
        return MlflowResults.Ok(new ModelVersionResponse(WireConvert.ModelVersion(version)));
    }

    /// <summary>
    /// A Kiln model package among a run's artifacts (<c>runs:/ID/model/m.kiln</c>, or the same file as an
    /// <c>mlflow-artifacts:</c> URI) is copied into the registry, so Kiln can serve it; any other source (an MLflow model
    /// folder, a URI elsewhere) is recorded as given.
    /// </summary>
    static async Task<NewModelVersion> SourceOfAsync(TrackingStore tracking, string source, string? runId, CancellationToken cancellationToken)
    {
        runId = string.IsNullOrEmpty(runId) ? null : runId;
        if (source.EndsWith(".kiln", StringComparison.OrdinalIgnoreCase))
        {
            if (source.StartsWith(RunsScheme, StringComparison.Ordinal))
            {
                var rest = source[RunsScheme.Length..].TrimStart('/');
                var slash = rest.IndexOf('/');
                if (slash > 0) return NewModelVersion.FromRun(rest[..slash], rest[(slash + 1)..]);
            }
            else if (MlflowArtifactUri.StorePathOf(source) is { } path && runId is not null)
            {
                var run = await tracking.Runs.GetAsync(runId, cancellationToken);
                var root = run.ArtifactUri + "/";
                if (path.StartsWith(root, StringComparison.Ordinal)) return NewModelVersion.FromRun(run.Id, path[root.Length..]);
            }
        }
        return NewModelVersion.FromSource(source, runId);
    }

    static async Task<IResult> GetAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelVersionRequest>(http, cancellationToken);
        var (name, number) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Version(request.Version));
        await MlflowAccess.Of(http).RequireSeenModelAsync(tracking, name, cancellationToken);
        var version = await tracking.Registry.GetVersionAsync(name, number, cancellationToken);
        return MlflowResults.Ok(new ModelVersionResponse(WireConvert.ModelVersion(version)));
    }

    static async Task<IResult> SearchAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<SearchModelVersionsRequest>(http, cancellationToken);
        var max = MlflowRequest.MaxResults(request.MaxResults, SearchDefault, SearchLimit);
        var filter = SearchSyntax.ParseFilter(request.Filter, SearchVocabulary.ModelVersions);
        var order = SearchSyntax.ParseOrder(request.OrderBy, SearchVocabulary.ModelVersions);
        var versions = new List<ModelVersion>();
        var access = MlflowAccess.Of(http);
        foreach (var model in (await tracking.Registry.ListModelsAsync(cancellationToken)).Where(m => access.MaySee(m.Tags)))
            versions.AddRange(await tracking.Registry.ListVersionsAsync(model.Name, cancellationToken));
        var found = Search.Apply(versions, filter, order, ValueOf,
            [new SearchOrder(new SearchKey(SearchEntity.Attribute, "name"), true), new SearchOrder(new SearchKey(SearchEntity.Attribute, "version_number"), false)]);
        var (page, next) = PageToken.Slice(found, request.PageToken, max);
        return MlflowResults.Ok(new ModelVersionsResponse([.. page.Select(WireConvert.ModelVersion)], next));
    }

    static async Task<IResult> UpdateAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<UpdateModelVersionRequest>(http, cancellationToken);
        var (name, number) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Version(request.Version));
        await MlflowAccess.Of(http).RequireChangeableModelAsync(tracking, name, cancellationToken);
        var version = await tracking.Registry.UpdateVersionAsync(name, number, request.Description, cancellationToken);
        return MlflowResults.Ok(new ModelVersionResponse(WireConvert.ModelVersion(version)));
    }

    static async Task<IResult> DeleteAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelVersionRequest>(http, cancellationToken);
        var (name, number) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Version(request.Version));
        await MlflowAccess.Of(http).RequireChangeableModelAsync(tracking, name, cancellationToken);
        await tracking.Registry.DeleteVersionAsync(name, number, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> SetTagAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelTagRequest>(http, cancellationToken);
        var (name, number, key) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Version(request.Version), MlflowRequest.Required(request.Key, "key"));
        var value = request.Value ?? throw MlflowApiException.Missing("value");
        await MlflowAccess.Of(http).RequireModelTagChangeAsync(tracking, name, key, cancellationToken);
        await tracking.Registry.SetVersionTagAsync(name, number, key, value, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> DeleteTagAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelTagRequest>(http, cancellationToken);
        var (name, number, key) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Version(request.Version), MlflowRequest.Required(request.Key, "key"));
        await MlflowAccess.Of(http).RequireModelTagChangeAsync(tracking, name, key, cancellationToken);
        await tracking.Registry.DeleteVersionTagAsync(name, number, key, cancellationToken);
        return MlflowResults.Empty();
    }

    /// <summary>Where a client downloads the version's model: the registry's copy of a Kiln package, or the source it was registered from.</summary>
    static async Task<IResult> DownloadUriAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ModelVersionRequest>(http, cancellationToken);
        var (name, number) = (MlflowRequest.Required(request.Name, "name"), MlflowRequest.Version(request.Version));
        await MlflowAccess.Of(http).RequireSeenModelAsync(tracking, name, cancellationToken);
        var version = await tracking.Registry.GetVersionAsync(name, number, cancellationToken);
        if (version.StorageLocation.Length > 0) return MlflowResults.Ok(new DownloadUriResponse(MlflowArtifactUri.Of(version.StorageLocation)));
        if (version.Source.StartsWith(RunsScheme, StringComparison.Ordinal) && version.RunId is { } runId)
        {
            var run = await tracking.Runs.GetAsync(runId, cancellationToken);
            var rest = version.Source[RunsScheme.Length..].TrimStart('/');
            var slash = rest.IndexOf('/');
            var path = slash < 0 ? "" : rest[(slash + 1)..];
            return MlflowResults.Ok(new DownloadUriResponse(MlflowArtifactUri.Of(ArtifactPath.Combine(run.ArtifactUri, path))));
        }
        return MlflowResults.Ok(new DownloadUriResponse(version.Source));
    }

    static object? ValueOf(ModelVersion version, SearchKey key) => key.Entity switch
    {
        SearchEntity.Tag => version.Tags.TryGetValue(key.Name, out var tag) ? tag : null,
        _ => key.Name switch
        {
            "name" => version.Name,
            "run_id" => version.RunId,
            "source_path" => version.Source,
            "current_stage" => WireConvert.NoStage,
            "status" => WireConvert.ModelVersion(version).Status,
            "version_number" => (double)version.Version,
            "creation_timestamp" => (double)WireConvert.Millis(version.CreationTime),
            "last_updated_timestamp" => (double)WireConvert.Millis(version.LastUpdatedTime),
            _ => null,
        },
    };
}
