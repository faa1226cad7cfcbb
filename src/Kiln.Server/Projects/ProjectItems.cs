using Kiln.Server.Accounts;
using Kiln.Server.Datasets;
using Kiln.Tracking;
using Microsoft.AspNetCore.Http;

namespace Kiln.Server.Projects;

/// <summary>
/// Moves datasets, runs and registered models into a project or back to private, and hands a deleted project's items
/// back to their owners. Whoever may change an item (its owner, an editor of its project, an admin) moves it, into a
/// project where they are the owner or an editor. Moving a dataset leaves the runs already made from it where they are.
/// </summary>
public sealed class ProjectItems(DatasetStore datasets, TrackingStore tracking, ProjectStore projects, PlatformAccess access)
{
    public async Task<DatasetInfo> MoveDatasetAsync(UserAccess user, string id, string? projectId, CancellationToken cancellationToken = default)
    {
        var dataset = await datasets.FindAsync(user, id, cancellationToken).ConfigureAwait(false) ?? throw NotFound("dataset", id);
        if (!user.CanChange(dataset.OwnerId, dataset.ProjectId)) throw Viewer("dataset", dataset.Name);
        var target = await TargetAsync(user, projectId, cancellationToken).ConfigureAwait(false);
        return await datasets.SetProjectAsync(dataset.Id, target, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Run> MoveRunAsync(UserAccess user, string id, string? projectId, CancellationToken cancellationToken = default)
    {
        var run = await access.RunAsync(user, id, cancellationToken).ConfigureAwait(false) ?? throw NotFound("run", id);
        if (!run.Tags.ContainsKey(PlatformAccess.OwnerTag))
            throw new ProjectException("id", $"run {run.Id} was recorded from the command line and is shared with everyone; it has no owner to keep it in a project", StatusCodes.Status403Forbidden);
        if (!user.CanChange(run.Tags)) throw Viewer("run", run.Id);
        var target = await TargetAsync(user, projectId, cancellationToken).ConfigureAwait(false);
        if (target is null) { if (UserAccess.ProjectOf(run.Tags) is not null) await tracking.Runs.DeleteTagAsync(run.Id, PlatformAccess.ProjectTag, cancellationToken).ConfigureAwait(false); }
        else await tracking.Runs.SetTagAsync(run.Id, PlatformAccess.ProjectTag, target, cancellationToken).ConfigureAwait(false);
        return await tracking.Runs.GetAsync(run.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RegisteredModel> MoveModelAsync(UserAccess user, string name, string? projectId, CancellationToken cancellationToken = default)
    {
        var model = await access.ModelAsync(user, name, cancellationToken).ConfigureAwait(false) ?? throw NotFound("model", name);
        if (!model.Tags.ContainsKey(PlatformAccess.OwnerTag))
            throw new ProjectException("name", $"model '{model.Name}' was registered from the command line and is shared with everyone; it has no owner to keep it in a project", StatusCodes.Status403Forbidden);
        if (!user.CanChange(model.Tags)) throw Viewer("model", model.Name);
        var target = await TargetAsync(user, projectId, cancellationToken).ConfigureAwait(false);
        if (target is null) { if (UserAccess.ProjectOf(model.Tags) is not null) await tracking.Registry.DeleteModelTagAsync(model.Name, PlatformAccess.ProjectTag, cancellationToken).ConfigureAwait(false); }
        else await tracking.Registry.SetModelTagAsync(model.Name, PlatformAccess.ProjectTag, target, cancellationToken).ConfigureAwait(false);
        return await tracking.Registry.GetModelAsync(model.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the project (its owner or an admin) after handing its datasets, runs and models back to their owners, private.</summary>
    public Task DeleteProjectAsync(UserAccess user, string id, CancellationToken cancellationToken = default) =>
        projects.DeleteAsync(user, id, ReleaseAsync, cancellationToken);

    /// <summary>
    /// Takes the project's tag off every active run and registered model in it; its datasets are released by the store.
    /// A deleted run keeps the tag, which names no project any more: restored, it is its owner's alone.
    /// </summary>
    async Task ReleaseAsync(string projectId, CancellationToken cancellationToken)
    {
        var tagged = new Dictionary<string, string> { [PlatformAccess.ProjectTag] = projectId };
        IReadOnlyList<Run> runs;
        // each pass takes the tag off the page it read, so the next pass reads what is left
        while ((runs = await tracking.Runs.SearchAsync(new RunQuery { Tags = tagged }, cancellationToken).ConfigureAwait(false)).Count > 0)
            foreach (var run in runs)
                await tracking.Runs.DeleteTagAsync(run.Id, PlatformAccess.ProjectTag, cancellationToken).ConfigureAwait(false);
        foreach (var model in await tracking.Registry.ListModelsAsync(cancellationToken).ConfigureAwait(false))
            if (UserAccess.ProjectOf(model.Tags) == projectId)
                await tracking.Registry.DeleteModelTagAsync(model.Name, PlatformAccess.ProjectTag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The project to move into, checked: null for private; otherwise one where the user is the owner or an editor.</summary>
    async Task<string?> TargetAsync(UserAccess user, string? projectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(projectId)) return null;
        projectId = projectId.Trim();
        if (user.RoleIn(projectId) is not { } role || !await projects.ExistsAsync(projectId, cancellationToken).ConfigureAwait(false))
            throw new ProjectException("project", $"there is no project '{projectId}' of yours");
        if (role == ProjectRole.Viewer)
            throw new ProjectException("project", $"you are a viewer of project '{projectId}'; only its owner and editors put items into it", StatusCodes.Status403Forbidden);
        return projectId;
    }

    static ProjectException NotFound(string kind, string id) => new("id", $"there is no {kind} '{id}' of yours", StatusCodes.Status404NotFound);

    static ProjectException Viewer(string kind, string name) =>
        new("id", $"{kind} '{name}' is in a project where you are a viewer; only its owner or an editor moves it", StatusCodes.Status403Forbidden);
}
