using System.Security.Claims;
using Kiln.Server.Accounts;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Kiln.Server.Web;

/// <summary>
/// <c>GET /api/runs/{id}/artifacts/{path}</c>: one file of a run the caller may see — a chart, a report, the model
/// package. Another user's run answers 404, as one that never existed. Files are served sandboxed, so a report opened
/// on its own runs no script on this site.
/// </summary>
public static class RunArtifactEndpoints
{
    static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapRunArtifactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/runs/{id}/artifacts/{**path}", DownloadAsync)
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .WithTags("Runs")
            .WithSummary("One artifact file of a run you may see");
        return endpoints;
    }

    /// <summary>The address of a run's artifact, for links and frames.</summary>
    public static string UrlOf(string runId, string path) =>
        $"/api/runs/{runId}/artifacts/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    static async Task<IResult> DownloadAsync(string id, string? path, ClaimsPrincipal user, PlatformAccess access, TrackingStore tracking, HttpContext context, CancellationToken cancellationToken)
    {
        if (await access.RunAsync(await access.ForAsync(user, cancellationToken), id, cancellationToken) is not { } run) return NotFound($"there is no run '{id}' of yours");
        if (string.IsNullOrWhiteSpace(path)) return NotFound("give the path of an artifact file");
        Stream stream;
        try
        {
            stream = await tracking.Runs.OpenArtifactAsync(run.Id, path, cancellationToken);
        }
        catch (TrackingException e) when (e.Code is TrackingErrorCode.ResourceDoesNotExist or TrackingErrorCode.InvalidParameterValue)
        {
            return NotFound(e.Message);
        }
        context.Response.Headers.ContentSecurityPolicy = "sandbox";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var contentType = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        var download = contentType.StartsWith("image/", StringComparison.Ordinal) || contentType is "text/html" or "text/plain" or "application/json" ? null : Path.GetFileName(path);
        return TypedResults.Stream(stream, contentType, download);
    }

    static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
