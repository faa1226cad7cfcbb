using System.Security.Claims;
using Kiln.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Jobs;

/// <summary>
/// <c>/api/jobs</c>: queue a training job, list yours and your projects', follow one's progress, cancel it. Another
/// user's job outside your projects answers 404, the same as one that never existed; a viewer of a project training on
/// or cancelling in it gets 403; a refused request is a validation problem naming the field at fault.
/// </summary>
public static class TrainingJobEndpoints
{
    public static IEndpointRouteBuilder MapTrainingJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/jobs").WithTags("Training jobs").RequireAuthorization(ApiKeyAuthentication.Policy);
        api.MapPost("/", QueueAsync).WithSummary("Queues a training job: train one algorithm, compare models, or tune one algorithm");
        api.MapGet("/", ListAsync).WithSummary("Your training jobs and your projects', newest first");
        api.MapGet("/{id}", FindAsync).WithSummary("One of your jobs or your projects', with its progress, error and runs");
        api.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancels a job, wherever it runs: yours, or one of a project where you are an editor");
        return endpoints;
    }

    static async Task<Results<Accepted<TrainingJobInfo>, ValidationProblem, ProblemHttpResult>> QueueAsync(
        TrainingJobRequest request, ClaimsPrincipal user, PlatformAccess access, TrainingJobQueue jobs, CancellationToken cancellationToken)
    {
        try
        {
            var job = await jobs.QueueAsync(await access.ForAsync(user, cancellationToken), request, cancellationToken);
            return TypedResults.Accepted($"/api/jobs/{job.Id}", job);
        }
        catch (TrainingJobRejectedException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] }, detail: e.Message, title: "The training job was refused");
        }
        catch (AccessDeniedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }
    }

    static async Task<Ok<IReadOnlyList<TrainingJobInfo>>> ListAsync(ClaimsPrincipal user, PlatformAccess access, TrainingJobQueue jobs, CancellationToken cancellationToken) =>
        TypedResults.Ok(jobs.List(await access.ForAsync(user, cancellationToken)));

    static async Task<Results<Ok<TrainingJobInfo>, NotFound>> FindAsync(string id, ClaimsPrincipal user, PlatformAccess access, TrainingJobQueue jobs, CancellationToken cancellationToken) =>
        jobs.Find(await access.ForAsync(user, cancellationToken), id) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    static async Task<Results<Ok<TrainingJobInfo>, NotFound, ProblemHttpResult>> CancelAsync(string id, ClaimsPrincipal user, PlatformAccess access, TrainingJobQueue jobs, CancellationToken cancellationToken)
    {
        var viewer = await access.ForAsync(user, cancellationToken);
        if (jobs.Find(viewer, id) is not { } job) return TypedResults.NotFound();
        if (!viewer.CanChange(job.OwnerId, job.ProjectId))
            return TypedResults.Problem($"job {id} trains in a project where you are a viewer; only its owner, the project's editors and admins cancel it",
                statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        if (job.IsFinished)
            return TypedResults.Problem($"job {id} has already {(job.Status == TrainingJobStatus.Succeeded ? "succeeded" : job.Status.ToString().ToLowerInvariant())}",
                statusCode: StatusCodes.Status409Conflict, title: "The job is not running");
        return TypedResults.Ok(jobs.Cancel(viewer, id)!);
    }
}
