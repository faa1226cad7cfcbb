using Kiln.Server.Accounts;
using System.Security.Claims;
using Kiln.Server.Deployments;
using Kiln.Serving;
using Kiln.Tracking;

namespace Kiln.Server.Web.Shared;

/// <summary>
/// What the platform changes in the registry on a user's behalf — registering a run's model, pointing an alias,
/// deploying a version — each checked against <see cref="PlatformAccess.CanChange"/> first. A model registered from
/// the platform carries its owner's id. After each change the model host reads the registry again, so the prediction
/// endpoint answers with the change at once rather than at its next poll.
/// </summary>
public sealed class ModelChanges(TrackingStore tracking, ModelHost host)
{
    /// <summary>The alias the prediction endpoint <c>/api/models/{name}/predict</c> answers with.</summary>
    public const string DeployedAlias = ModelReference.DefaultAlias;

    /// <summary>Registers the run's model package as the next version of <paramref name="name"/>, creating the model (owned by the user) when new.</summary>
    public async Task<ModelVersion> RegisterRunAsync(ClaimsPrincipal user, Run run, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.Tags.TryGetValue(Kiln.Tracking.RunRecorder.PackageTag, out var package))
            throw new ModelChangeException($"run {run.Id} has no model package to register");
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new ModelChangeException("give the model a name");
        var existing = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !PlatformAccess.CanChange(user, existing.Tags))
            throw new ModelChangeException($"the name '{name}' is taken by a model you cannot change; choose another name");
        var owner = PlatformAccess.UserId(user);
        try
        {
            var version = await tracking.Registry.RegisterAsync(name, new NewModelVersion
            {
                RunId = run.Id,
                ArtifactPath = package,
                Tags = new Dictionary<string, string> { [PlatformAccess.OwnerTag] = owner },
            }, cancellationToken).ConfigureAwait(false);
            if (existing is null) await tracking.Registry.SetModelTagAsync(name, PlatformAccess.OwnerTag, owner, cancellationToken).ConfigureAwait(false);
            await host.RefreshAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }
        catch (TrackingException e) when (e.Code is TrackingErrorCode.InvalidParameterValue or TrackingErrorCode.ResourceDoesNotExist)
        {
            throw new ModelChangeException(e.Message);
        }
    }

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/>, creating or moving it.</summary>
    public async Task SetAliasAsync(ClaimsPrincipal user, string name, string alias, int version, CancellationToken cancellationToken = default)
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

    public async Task DeleteAliasAsync(ClaimsPrincipal user, string name, string alias, CancellationToken cancellationToken = default)
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
    public async Task DeployAsync(ClaimsPrincipal user, string name, int version, CancellationToken cancellationToken = default)
    {
        await SetAliasAsync(user, name, DeployedAlias, version, cancellationToken).ConfigureAwait(false);
        var current = await tracking.Registry.GetDeploymentAsync(name, cancellationToken).ConfigureAwait(false);
        await SetDeploymentAsync(user, name, current is null ? new ModelDeployment(DeployedAlias) : current with { PrimaryAlias = DeployedAlias }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the model's deployment (primary, optional canary with its share, optional shadow); a refusal names the field it is about.</summary>
    public async Task SetDeploymentAsync(ClaimsPrincipal user, string name, ModelDeployment deployment, CancellationToken cancellationToken = default)
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
    public async Task DeleteDeploymentAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken = default)
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

    async Task ChangeableAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var model = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (model is null || !PlatformAccess.CanSee(user, model.Tags)) throw new ModelChangeException($"there is no model '{name}' of yours");
        if (!PlatformAccess.CanChange(user, model.Tags))
            throw new ModelChangeException($"model '{name}' was registered from the command line or by someone else; only an admin or its owner can change it");
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
