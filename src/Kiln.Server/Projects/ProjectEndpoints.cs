using System.Security.Claims;
using Kiln.Server.Accounts;
using Kiln.Server.Datasets;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Projects;

/// <summary>
/// <c>/api/projects</c>: the user's projects (make, list, open, rename, delete) and their members (add or change by email
/// or user name, remove), and the moves of a dataset, run or registered model into a project or back to private
/// (<c>PUT /api/datasets/{id}/project</c>, <c>/api/runs/{id}/project</c>, <c>/api/models/{name}/project</c>). A project
/// the user is not in answers 404, as one that never existed; a member who may not do what they ask gets 403.
/// </summary>
public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization(ApiKeyAuthentication.Policy);
        api.MapGet("/", ListAsync).WithSummary("The projects you own or are a member of, by name");
        api.MapPost("/", CreateAsync).WithSummary("Makes a project you own; {\"name\": \"churn\"}");
        api.MapGet("/{id}", FindAsync).WithSummary("One of your projects, with its members and your role");
        api.MapPatch("/{id}", RenameAsync).WithSummary("Renames a project you own; {\"name\": \"churn 2027\"}");
        api.MapDelete("/{id}", DeleteAsync).WithSummary("Deletes a project you own; its datasets, runs and models become private to their owners again");
        api.MapPut("/{id}/members/{user}", SetMemberAsync).WithSummary("Adds the user (email or user name) as a member, or changes their role; {\"role\": \"viewer\"} or \"editor\"");
        api.MapDelete("/{id}/members/{user}", RemoveMemberAsync).WithSummary("Removes a member");

        var moves = endpoints.MapGroup("/api").WithTags("Projects").RequireAuthorization(ApiKeyAuthentication.Policy);
        moves.MapPut("/datasets/{id}/project", MoveDatasetAsync).WithSummary("Moves a dataset into one of your projects ({\"project\": ID}) or back to private ({\"project\": null})");
        moves.MapPut("/runs/{id}/project", MoveRunAsync).WithSummary("Moves a run into one of your projects or back to private");
        moves.MapPut("/models/{name}/project", MoveModelAsync).WithSummary("Moves a registered model into one of your projects or back to private");
        return endpoints;
    }

    static async Task<Ok<IReadOnlyList<ProjectInfo>>> ListAsync(ClaimsPrincipal user, PlatformAccess access, ProjectStore projects, CancellationToken cancellationToken) =>
        TypedResults.Ok(await projects.ListAsync(await access.ForAsync(user, cancellationToken), cancellationToken));

    static Task<Results<Created<ProjectInfo>, ProblemHttpResult>> CreateAsync(ProjectNameRequest request, ClaimsPrincipal user, PlatformAccess access, ProjectStore projects, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var project = await projects.CreateAsync(await access.ForAsync(user, cancellationToken), request.Name ?? "", cancellationToken);
            return TypedResults.Created($"/api/projects/{project.Id}", project);
        });

    static async Task<Results<Ok<ProjectInfo>, ProblemHttpResult>> FindAsync(string id, ClaimsPrincipal user, PlatformAccess access, ProjectStore projects, CancellationToken cancellationToken) =>
        await projects.FindAsync(await access.ForAsync(user, cancellationToken), id, cancellationToken) is { } project ? TypedResults.Ok(project) : Problem(ProjectException.NotFound(id));

    static Task<Results<Ok<ProjectInfo>, ProblemHttpResult>> RenameAsync(string id, ProjectNameRequest request, ClaimsPrincipal user, PlatformAccess access, ProjectStore projects, CancellationToken cancellationToken) =>
        Answer(async () => TypedResults.Ok(await projects.RenameAsync(await access.ForAsync(user, cancellationToken), id, request.Name ?? "", cancellationToken)));

    static Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ClaimsPrincipal user, PlatformAccess access, ProjectItems items, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            await items.DeleteProjectAsync(await access.ForAsync(user, cancellationToken), id, cancellationToken);
            return TypedResults.NoContent();
        });

    static Task<Results<Ok<ProjectInfo>, ProblemHttpResult>> SetMemberAsync(string id, string user, MemberRoleRequest request, ClaimsPrincipal signedIn, PlatformAccess access, ProjectStore projects, CancellationToken cancellationToken) =>
        Answer(async () => TypedResults.Ok(await projects.SetMemberAsync(await access.ForAsync(signedIn, cancellationToken), id, user, request.Role ?? "", cancellationToken)));

    static Task<Results<Ok<ProjectInfo>, ProblemHttpResult>> RemoveMemberAsync(string id, string user, ClaimsPrincipal signedIn, PlatformAccess access, ProjectStore projects, CancellationToken cancellationToken) =>
        Answer(async () => TypedResults.Ok(await projects.RemoveMemberAsync(await access.ForAsync(signedIn, cancellationToken), id, user, cancellationToken)));

    static Task<Results<Ok<DatasetInfo>, ProblemHttpResult>> MoveDatasetAsync(string id, ItemProjectRequest request, ClaimsPrincipal user, PlatformAccess access, ProjectItems items, CancellationToken cancellationToken) =>
        Answer(async () => TypedResults.Ok(await items.MoveDatasetAsync(await access.ForAsync(user, cancellationToken), id, request.Project, cancellationToken)));

    static Task<Results<Ok<ItemProjectRequest>, ProblemHttpResult>> MoveRunAsync(string id, ItemProjectRequest request, ClaimsPrincipal user, PlatformAccess access, ProjectItems items, CancellationToken cancellationToken) =>
        Answer(async () => TypedResults.Ok(new ItemProjectRequest(UserAccess.ProjectOf((await items.MoveRunAsync(await access.ForAsync(user, cancellationToken), id, request.Project, cancellationToken)).Tags))));

    static Task<Results<Ok<ItemProjectRequest>, ProblemHttpResult>> MoveModelAsync(string name, ItemProjectRequest request, ClaimsPrincipal user, PlatformAccess access, ProjectItems items, CancellationToken cancellationToken) =>
        Answer(async () => TypedResults.Ok(new ItemProjectRequest(UserAccess.ProjectOf((await items.MoveModelAsync(await access.ForAsync(user, cancellationToken), name, request.Project, cancellationToken)).Tags))));

    /// <summary>Runs the change, answering a refusal with problem details naming the field at fault.</summary>
    static async Task<Results<T, ProblemHttpResult>> Answer<T>(Func<Task<T>> change) where T : IResult
    {
        try
        {
            return await change();
        }
        catch (ProjectException e)
        {
            return Problem(e);
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.InvalidParameterValue)
        {
            return Problem(new ProjectException("id", e.Message));
        }
    }

    static ProblemHttpResult Problem(ProjectException e) => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
    {
        Status = e.Status,
        Title = e.Status switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status403Forbidden => "Not allowed",
            StatusCodes.Status409Conflict => "Already taken",
            _ => "The request was refused",
        },
        Detail = e.Message,
    });
}
