using System.Security.Claims;
using Kiln.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Jobs;

/// <summary>
/// <c>/api/jobs</c>: queue a training job, list yours, follow one's progress, cancel it. Another user's job answers 404,
/// the same as one that never existed; a refused request is a validation problem naming the field at fault.
/// </summary>
public static class TrainingJobEndpoints
{
    public static IEndpointRouteBuilder MapTrainingJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/jobs").WithTags("Training jobs").RequireAuthorization(ApiKeyAuthentication.Policy);
        api.MapPost("/", QueueAsync).WithSummary("Queues a training job: train one algorithm, compare models, or tune one algorithm");
        api.MapGet("/", List).WithSummary("Your training jobs, newest first");
        api.MapGet("/{id}", Find).WithSummary("One of your jobs, with its progress, error and runs");
        api.MapPost("/{id}/cancel", Cancel).WithSummary("Cancels one of your jobs, wherever it runs");
        return endpoints;
    }

    static async Task<Results<Accepted<TrainingJobInfo>, ValidationProblem>> QueueAsync(
        TrainingJobRequest request, ClaimsPrincipal user, UserManager<KilnUser> users, TrainingJobQueue jobs, CancellationToken cancellationToken)
    {
        try
        {
            var job = await jobs.QueueAsync(users.GetUserId(user)!, request, cancellationToken);
            return TypedResults.Accepted($"/api/jobs/{job.Id}", job);
        }
        catch (TrainingJobRejectedException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] }, detail: e.Message, title: "The training job was refused");
        }
    }

    static Ok<IReadOnlyList<TrainingJobInfo>> List(ClaimsPrincipal user, UserManager<KilnUser> users, TrainingJobQueue jobs) =>
        TypedResults.Ok(jobs.List(users.GetUserId(user)!));

    static Results<Ok<TrainingJobInfo>, NotFound> Find(string id, ClaimsPrincipal user, UserManager<KilnUser> users, TrainingJobQueue jobs) =>
        jobs.Find(users.GetUserId(user)!, id) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    static Results<Ok<TrainingJobInfo>, NotFound, ProblemHttpResult> Cancel(string id, ClaimsPrincipal user, UserManager<KilnUser> users, TrainingJobQueue jobs)
    {
        var owner = users.GetUserId(user)!;
        if (jobs.Find(owner, id) is not { } job) return TypedResults.NotFound();
        if (job.IsFinished)
            return TypedResults.Problem($"job {id} has already {(job.Status == TrainingJobStatus.Succeeded ? "succeeded" : job.Status.ToString().ToLowerInvariant())}",
                statusCode: StatusCodes.Status409Conflict, title: "The job is not running");
        return TypedResults.Ok(jobs.Cancel(owner, id)!);
    }
}
