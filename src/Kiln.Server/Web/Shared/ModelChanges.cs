using Kiln.Server.Accounts;
using Kiln.Server.Deployments;
using Kiln.Serving;
using Kiln.Tracking;

namespace Kiln.Server.Web.Shared;

/// <summary>
/// What the platform changes in the registry on a user's behalf — registering a run's model, pointing an alias,
/// deploying a version — each checked against <see cref="UserAccess.CanChange(IReadOnlyDictionary{string, string})"/> first. A model registered from
/// the platform carries its owner's id, and the project of the run it came from. After each change the model host reads the registry again, so the prediction
/// endpoint answers with the change at once rather than at its next poll.
/// </summary>
public sealed class ModelChanges(TrackingStore tracking, ModelHost host)
{
    /// <summary>The alias the prediction endpoint <c>/api/models/{name}/predict</c> answers with.</summary>
    public const string DeployedAlias = ModelReference.DefaultAlias;

    /// <summary>
    /// Registers the run's model package as the next version of <paramref name="name"/>, creating the model when new:
    /// owned by the user, in the run's project.
    /// </summary>
    public async Task<ModelVersion> RegisterRunAsync(UserAccess user, Run run, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(user);
        // the run as it is now, not as the page that asks read it: it may have moved since
        run = await CurrentRunAsync(run.Id, cancellationToken).ConfigureAwait(false) is { } current && user.CanSee(current.Tags)
            ? current
            : throw new ModelChangeException($"there is no run '{run.Id}' of yours");
        if (!run.Tags.TryGetValue(Kiln.Tracking.RunRecorder.PackageTag, out var package))
            throw new ModelChangeException($"run {run.Id} has no model package to register");
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new ModelChangeException("give the model a name");
        var existing = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (UserAccess.ProjectOf(run.Tags) is not null && !user.CanChange(run.Tags))
            throw new ModelChangeException($"run {run.Id} is in a project where you are a viewer; only its owner and editors register its models");
        if (existing is not null && !user.CanChange(existing.Tags))
            throw new ModelChangeException($"the name '{name}' is taken by a model you cannot change; choose another name");
        var owner = user.UserId;
        try
        {
            var version = await tracking.Registry.RegisterAsync(name, new NewModelVersion
            {
                RunId = run.Id,
                ArtifactPath = package,
                Tags = new Dictionary<string, string> { [PlatformAccess.OwnerTag] = owner },
            }, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                await tracking.Registry.SetModelTagAsync(name, PlatformAccess.OwnerTag, owner, cancellationToken).ConfigureAwait(false);
                if (UserAccess.ProjectOf(run.Tags) is { } project)
                    await tracking.Registry.SetModelTagAsync(name, PlatformAccess.ProjectTag, project, cancellationToken).ConfigureAwait(false);
            }
            await host.RefreshAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }
        catch (TrackingException e) when (e.Code is TrackingErrorCode.InvalidParameterValue or TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ModelChangeException(e.Message);
        }
    }

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/>, creating or moving it.</summary>
    public async Task SetAliasAsync(UserAccess user, string name, string alias, int version, CancellationToken cancellationToken = default)
    {
        await ChangeableAsync(user, name, cancellationToken).ConfigureAwait(false);
        try
        {
            await tracking.Registry.SetAliasAsync(name, (alias ?? "").Trim(), version, cancellationToken).ConfigureAwait(false);
            await host.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException e) when (e.Code is TrackingErrorCode.InvalidParameterValue or TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ModelChangeException(e.Message);
        }
    }

    public async Task DeleteAliasAsync(UserAccess user, string name, string alias, CancellationToken cancellationToken = default)
    {
        await ChangeableAsync(user, name, cancellationToken).ConfigureAwait(false);
        try
        {
            await tracking.Registry.DeleteAliasAsync(name, alias, cancellationToken).ConfigureAwait(false);
            await host.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ModelChangeException(e.Message);
        }
    }

    /// <summary>
    /// Deploys a version: the <see cref="DeployedAlias"/> alias moves to it and becomes the deployment's primary,
    /// keeping the canary and shadow of a deployment already in force, so the bare name answers with it at once.
    /// </summary>
    public async Task DeployAsync(UserAccess user, string name, int version, CancellationToken cancellationToken = default)
    {
        await SetAliasAsync(user, name, DeployedAlias, version, cancellationToken).ConfigureAwait(false);
        var current = await tracking.Registry.GetDeploymentAsync(name, cancellationToken).ConfigureAwait(false);
        await SetDeploymentAsync(user, name, current is null ? new ModelDeployment(DeployedAlias) : current with { PrimaryAlias = DeployedAlias }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the model's deployment (primary, optional canary with its share, optional shadow); a refusal names the field it is about.</summary>
    public async Task SetDeploymentAsync(UserAccess user, string name, ModelDeployment deployment, CancellationToken cancellationToken = default)
    {
        await ChangeableAsync(user, name, cancellationToken).ConfigureAwait(false);
        try
        {
            await tracking.Registry.SetDeploymentAsync(name, deployment, cancellationToken).ConfigureAwait(false);
            await host.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException e) when (e.Code is TrackingErrorCode.InvalidParameterValue or TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ModelChangeException(e.Message, DeploymentField.Of(e.Message));
        }
    }

    /// <summary>Removes the model's deployment: its bare name serves <see cref="DeployedAlias"/>, else the latest version, again.</summary>
    public async Task DeleteDeploymentAsync(UserAccess user, string name, CancellationToken cancellationToken = default)
    {
        await ChangeableAsync(user, name, cancellationToken).ConfigureAwait(false);
        try
        {
            await tracking.Registry.DeleteDeploymentAsync(name, cancellationToken).ConfigureAwait(false);
            await host.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ModelChangeException(e.Message);
        }
    }

    async Task ChangeableAsync(UserAccess user, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var model = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (model is null || !user.CanSee(model.Tags)) throw new ModelChangeException($"there is no model '{name}' of yours");
        if (!user.CanChange(model.Tags))
            throw new ModelChangeException($"model '{name}' was registered from the command line, by someone else, or is in a project where you are a viewer; only its owner, an editor of its project or an admin can change it");
    }

    async Task<Run?> CurrentRunAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var run = await tracking.Runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return run.Lifecycle == LifecycleStage.Active ? run : null;
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }

    async Task<RegisteredModel?> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await tracking.Registry.GetModelAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }
}
