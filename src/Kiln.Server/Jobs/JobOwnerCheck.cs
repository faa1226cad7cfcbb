using Kiln.Server.Accounts;
using Kiln.Server.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Jobs;

/// <summary>
/// Checks, as a job starts, that the user who queued it may still do what it does: train on its dataset and record into
/// its project. A job can wait a long time, and a role taken away meanwhile counts, as it does at once on the pages. The
/// user's view is read now, through the same rule as every request (<see cref="PlatformAccess"/>).
/// </summary>
sealed class JobOwnerCheck(IServiceScopeFactory scopes, PlatformAccess access, ProjectStore projects, TrainingData data)
{
    public const string LostProjectError =
        "you may no longer train into the project this job was queued for (you were removed from it, made a viewer, or it was deleted)";

    /// <summary>Throws <see cref="AccessDeniedException"/> or <see cref="TrainingJobRejectedException"/>, saying why, when the owner may no longer run the job.</summary>
    public async Task CheckAsync(TrainingJobInfo job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KilnUser>>();
        var user = await users.FindByIdAsync(job.OwnerId).ConfigureAwait(false)
            ?? throw new AccessDeniedException("the account that queued this job no longer exists");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<KilnUser>>().CreateAsync(user).ConfigureAwait(false);
        var owner = await access.ForAsync(principal, cancellationToken).ConfigureAwait(false);
        // the samples are everyone's; an uploaded dataset is checked as when the job was queued
        if (job.Request.Dataset is { Length: > 0 }) await data.DescribeAsync(owner, job.Request, cancellationToken).ConfigureAwait(false);
        // an admin may add to any project, even one deleted since
        if (job.ProjectId is { } project && (!owner.MayAddTo(project) || !await projects.ExistsAsync(project, cancellationToken).ConfigureAwait(false)))
            throw new AccessDeniedException(LostProjectError);
    }
}
