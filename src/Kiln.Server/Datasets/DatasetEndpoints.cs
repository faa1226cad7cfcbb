using System.Security.Claims;
using Kiln.Data;
using Kiln.Data.Datasets;
using Kiln.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Datasets;

/// <summary>
/// <c>/api/datasets</c>: the uploaded datasets the signed-in user may see — their own and their projects' — (upload,
/// list, open, preview, profile, delete) and the catalog's sample datasets, which everyone sees. Another user's private
/// dataset answers 404, the same as one that never existed; a viewer of its project deleting it gets 403.
/// </summary>
public static class DatasetEndpoints
{
    public static IEndpointRouteBuilder MapDatasetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/datasets").WithTags("Datasets").RequireAuthorization(ApiKeyAuthentication.Policy);
        api.MapGet("/", ListAsync).WithSummary("Your uploaded datasets and your projects', newest first");
        api.MapGet("/samples", Samples).WithSummary("The catalog's sample datasets, shared by every user");
        // the body is the file itself, streamed: nothing is buffered beyond the upload limit
        api.MapPost("/", UploadAsync)
            .WithSummary("Uploads a data file as the request body; ?name=train.csv names it, and its extension gives the format")
            .WithDescription($"Accepted: {FrameFile.FormatNames}.")
            .Accepts<Stream>("text/csv", "text/tab-separated-values", "application/x-ndjson", "application/vnd.apache.parquet", "application/octet-stream");
        api.MapGet("/{id}", FindAsync).WithSummary("One of your datasets or of your projects");
        api.MapGet("/{id}/preview", PreviewAsync).WithSummary($"The first {DatasetStore.PreviewRows} rows");
        api.MapGet("/{id}/profile", ProfileAsync).WithSummary("The profile report as an HTML page");
        api.MapDelete("/{id}", DeleteAsync).WithSummary("Deletes a dataset and its files: yours, or one of a project where you are an editor");
        return endpoints;
    }

    static async Task<Ok<IReadOnlyList<DatasetInfo>>> ListAsync(ClaimsPrincipal user, PlatformAccess access, DatasetStore datasets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await datasets.ListAsync(await access.ForAsync(user, cancellationToken), cancellationToken));

    static Ok<IReadOnlyList<SampleDataset>> Samples() => TypedResults.Ok(SampleDataset.All);

    static async Task<Results<Created<DatasetInfo>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, string name, ClaimsPrincipal user, UserManager<KilnUser> users, DatasetStore datasets, CancellationToken cancellationToken)
    {
        if (request.ContentLength > datasets.MaxUploadBytes)
            return TypedResults.Problem($"{name} is larger than the upload limit of {datasets.MaxUploadBytes / 1048576.0:0.#} MB", statusCode: StatusCodes.Status413PayloadTooLarge);
        // the server's body limit is for API requests; a dataset may be as large as the upload limit (the store counts the bytes itself)
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = datasets.MaxUploadBytes + 64 * 1024;
        try
        {
            var info = await datasets.UploadAsync(users.GetUserId(user)!, name, request.Body, cancellationToken);
            return TypedResults.Created($"/api/datasets/{info.Id}", info);
        }
        catch (DatasetUploadException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "The dataset was refused");
        }
    }

    static async Task<Results<Ok<DatasetInfo>, NotFound>> FindAsync(string id, ClaimsPrincipal user, PlatformAccess access, DatasetStore datasets, CancellationToken cancellationToken) =>
        await datasets.FindAsync(await access.ForAsync(user, cancellationToken), id, cancellationToken) is { } info ? TypedResults.Ok(info) : TypedResults.NotFound();

    static async Task<Results<Ok<DatasetPreview>, NotFound>> PreviewAsync(string id, ClaimsPrincipal user, PlatformAccess access, DatasetStore datasets, CancellationToken cancellationToken) =>
        await datasets.PreviewAsync(await access.ForAsync(user, cancellationToken), id, cancellationToken) is { } preview ? TypedResults.Ok(preview) : TypedResults.NotFound();

    static async Task<Results<ContentHttpResult, NotFound>> ProfileAsync(string id, ClaimsPrincipal user, PlatformAccess access, DatasetStore datasets, CancellationToken cancellationToken) =>
        await datasets.ProfileHtmlAsync(await access.ForAsync(user, cancellationToken), id, cancellationToken) is { } html ? TypedResults.Content(html, "text/html; charset=utf-8") : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(string id, ClaimsPrincipal user, PlatformAccess access, DatasetStore datasets, CancellationToken cancellationToken)
    {
        try
        {
            return await datasets.DeleteAsync(await access.ForAsync(user, cancellationToken), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
        }
        catch (AccessDeniedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }
    }
}
