using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Mlflow;

/// <summary>
/// MLflow's artifact proxy (<c>/api/2.0/mlflow-artifacts/artifacts/PATH</c>): clients upload, download, list and delete
/// the files behind <c>mlflow-artifacts:/PATH</c> URIs here, so runs' artifacts land in Kiln's artifact store. The
/// registry's own copies of model packages can be read but not replaced.
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
        var entries = await tracking.Artifacts.ListAsync(ArtifactPath.Normalize(request.Path ?? ""), cancellationToken);
        // the proxy lists names relative to the folder asked for; the client joins them to it
        return MlflowResults.Ok(new ListArtifactsResponse([.. entries.Select(e => WireConvert.File(e, e.Path[(e.Path.LastIndexOf('/') + 1)..]))]));
    }

    static async Task<IResult> DownloadAsync(string path, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var stream = await tracking.Artifacts.OpenReadAsync(ArtifactPath.Normalize(path), cancellationToken);
        return TypedResults.Stream(stream, "application/octet-stream", fileDownloadName: path[(path.LastIndexOf('/') + 1)..]);
    }

    static async Task<IResult> UploadAsync(string path, HttpContext http, TrackingStore tracking, CancellationToken cancellationToken)
    {
        await tracking.Artifacts.WriteAsync(Writable(path), http.Request.Body, cancellationToken);
        return MlflowResults.Empty();
    }

    static async Task<IResult> DeleteAsync(string path, TrackingStore tracking, CancellationToken cancellationToken)
    {
        var target = Writable(path);
        if (!await tracking.Artifacts.ExistsAsync(target, cancellationToken)) throw new TrackingException(TrackingErrorCode.ResourceDoesNotExist, $"artifact '{target}' does not exist");
        await tracking.Artifacts.DeleteAsync(target, cancellationToken);
        return MlflowResults.Empty();
    }

    static string Writable(string path)
    {
        var normalized = ArtifactPath.Normalize(path);
        if (normalized == ModelRegistry.StorageFolder || normalized.StartsWith(ModelRegistry.StorageFolder + "/", StringComparison.Ordinal))
            throw MlflowApiException.Invalid($"Invalid artifact path '{path}': '{ModelRegistry.StorageFolder}/' holds the model registry's packages, which only the registry writes");
        return normalized;
    }
}
