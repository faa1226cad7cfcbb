using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Mlflow;

/// <summary>
/// MLflow's artifact proxy (<c>/api/2.0/mlflow-artifacts/artifacts/PATH</c>): clients upload, download, list and delete
/// the files behind <c>mlflow-artifacts:/PATH</c> URIs here, so runs' artifacts land in Kiln's artifact store. The
/// registry's own copies of model packages can be read but not replaced. When the API requires keys, a run's files are
/// read by those who may see the run and written by those who may change it, a registry package is read by those who
/// may see its model, and anything else (the store's root, an experiment's folder) is reached by admins alone.
/// </summary>
static class ArtifactProxyEndpoints
{
    /// <summary>The largest upload: model files pass Kestrel's 30 MB default, and the store streams them to disk rather than memory.</summary>
    public const long MaxUploadBytes = 4L << 30;

    public static void Map(RouteGroupBuilder artifacts)
    {
        artifacts.MapGet("", ListAsync);
        artifacts.MapGet("{**path}", DownloadAsync);
        artifacts.MapPut("{**path}", UploadAsync).WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        artifacts.MapDelete("{**path}", DeleteAsync);
    }

    static async Task<IResult> ListAsync(HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var request = await MlflowRequest.ReadAsync<ListArtifactsRequest>(http, cancellationToken);
        var path = ArtifactPath.Normalize(request.Path ?? "");
        await RequireAsync(http, tracking, path, change: false, cancellationToken);
        var entries = await tracking.Artifacts.ListAsync(path, cancellationToken);
        // the proxy lists names relative to the folder asked for; the client joins them to it
        return MlflowResults.Ok(new ListArtifactsResponse([.. entries.Select(e => WireConvert.File(e, e.Path[(e.Path.LastIndexOf('/') + 1)..]))]));
    }

    static async Task<IResult> DownloadAsync(string path, HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var normalized = ArtifactPath.Normalize(path);
        await RequireAsync(http, tracking, normalized, change: false, cancellationToken);
        var stream = await tracking.Artifacts.OpenReadAsync(normalized, cancellationToken);
        return TypedResults.Stream(stream, "application/octet-stream", fileDownloadName: path[(path.LastIndexOf('/') + 1)..]);
    }

    static async Task<IResult> UploadAsync(string path, HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var target = Writable(path);
        await RequireAsync(http, tracking, target, change: true, cancellationToken);
        await tracking.Artifacts.WriteAsync(target, http.Request.Body, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> DeleteAsync(string path, HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var target = Writable(path);
        await RequireAsync(http, tracking, target, change: true, cancellationToken);
        if (!await tracking.Artifacts.ExistsAsync(target, cancellationToken)) throw new TrackingException(TrackingErrorCode.ResourceDoesNotExist, $"artifact '{target}' does not exist");
        await tracking.Artifacts.DeleteAsync(target, cancellationToken);
        return MlflowResults.Empty();
    }

    /// <summary>Refuses a path the caller may not read (or, with <paramref name="change"/>, write); see the class summary.</summary>
    static async Task RequireAsync(HttpContext http, TrackingStore tracking, string path, bool change, CancellationToken cancellationToken)
    {
        var access = MlflowAccess.Of(http);
        if (access.SeesEverything) return;
        var segments = path.Split('/');
        // a run's files lie under EXPERIMENT/RUN/artifacts/
        if (segments.Length >= 2 && segments[0].Length > 0 && segments[0].All(char.IsAsciiDigit) && segments[1].Length == 32 && segments[1].All(char.IsAsciiHexDigit))
        {
            await (change ? access.RequireChangeableRunAsync(tracking, segments[1], cancellationToken) : access.RequireSeenRunAsync(tracking, segments[1], cancellationToken));
            return;
        }
        if (!change && segments.Length >= 2 && segments[0] == ModelRegistry.StorageFolder)
        {
            var folder = $"{segments[0]}/{segments[1]}/";
            foreach (var model in (await tracking.Registry.ListModelsAsync(cancellationToken)).Where(m => access.MaySee(m.Tags)))
                if ((await tracking.Registry.ListVersionsAsync(model.Name, cancellationToken)).Any(v => v.StorageLocation.StartsWith(folder, StringComparison.Ordinal)))
                    return;
            throw new TrackingException(TrackingErrorCode.ResourceDoesNotExist, $"artifact '{path}' does not exist");
        }
        throw MlflowAccess.Denied($"artifact path '{path}' belongs to no run of yours; only an admin reaches it");
    }

    static string Writable(string path)
    {
        var normalized = ArtifactPath.Normalize(path);
        if (normalized == ModelRegistry.StorageFolder || normalized.StartsWith(ModelRegistry.StorageFolder + "/", StringComparison.Ordinal))
            throw MlflowApiException.Invalid($"Invalid artifact path '{path}': '{ModelRegistry.StorageFolder}/' holds the model registry's packages, which only the registry writes");
        return normalized;
    }
}
