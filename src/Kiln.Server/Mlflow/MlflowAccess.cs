using Kiln.Server.Accounts;
using Kiln.Tracking;
using Microsoft.AspNetCore.Http;

namespace Kiln.Server.Mlflow;

/// <summary>
/// The platform's access rule (<see cref="UserAccess"/>) as the MLflow API applies it: a run or model the caller may not
/// see answers as if absent, a change needs the owner, an editor of its project or an admin, what a caller creates
/// carries their id in <see cref="PlatformAccess.OwnerTag"/>, and no caller sets or removes that tag or
/// <see cref="PlatformAccess.ProjectTag"/>. On a server that does not require keys every caller may do everything, as
/// with MLflow's own tracking server.
/// </summary>
sealed class MlflowAccess
{
    static readonly object ItemKey = new();
    static readonly MlflowAccess Open = new(null);

    readonly UserAccess? _user;

    MlflowAccess(UserAccess? user) => _user = user;

    /// <summary>The rules for this request: the caller's when the API requires a key, none otherwise.</summary>
    public static MlflowAccess Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var access) && access is MlflowAccess known ? known : Open;

    /// <summary>Makes the signed-in caller's rules apply to the rest of the request.</summary>
    public static async Task RestrictAsync(HttpContext http, PlatformAccess access) =>
        http.Items[ItemKey] = new MlflowAccess(await access.ForAsync(http.User, http.RequestAborted).ConfigureAwait(false));

    public bool MaySee(IReadOnlyDictionary<string, string> tags) => _user is null || _user.CanSee(tags);

    public bool MayChange(IReadOnlyDictionary<string, string> tags) => _user is null || _user.CanChange(tags);

    /// <summary>True for an admin or an open server: they reach what belongs to no run or model too.</summary>
    public bool SeesEverything => _user is null || _user.IsAdmin;

    public async Task<Run> SeenRunAsync(TrackingStore tracking, string runId, CancellationToken cancellationToken)
    {
        var run = await tracking.Runs.GetAsync(runId, cancellationToken);
        return MaySee(run.Tags) ? run : throw RunNotFound(runId);
    }

    public async Task<Run> ChangeableRunAsync(TrackingStore tracking, string runId, CancellationToken cancellationToken)
    {
        if (_user is null) return await tracking.Runs.GetAsync(runId, cancellationToken);
        var run = await SeenRunAsync(tracking, runId, cancellationToken);
        return MayChange(run.Tags) ? run : throw Denied($"run '{runId}' belongs to another user or is shared; only its owner, an editor of its project or an admin changes it");
    }

    /// <summary>Refuses a caller who may not see the run; asks nothing of the store on an open server, which lets the call itself answer.</summary>
    public Task RequireSeenRunAsync(TrackingStore tracking, string runId, CancellationToken cancellationToken) =>
        _user is null ? Task.CompletedTask : SeenRunAsync(tracking, runId, cancellationToken);

    /// <summary>Refuses a caller who may not change the run; asks nothing of the store on an open server.</summary>
    public Task RequireChangeableRunAsync(TrackingStore tracking, string runId, CancellationToken cancellationToken) =>
        _user is null ? Task.CompletedTask : ChangeableRunAsync(tracking, runId, cancellationToken);

    /// <summary>Refuses a caller who may not see the registered model; asks nothing of the store on an open server.</summary>
    public Task RequireSeenModelAsync(TrackingStore tracking, string name, CancellationToken cancellationToken) =>
        _user is null ? Task.CompletedTask : SeenModelAsync(tracking, name, cancellationToken);

    /// <summary>Refuses a caller who may not change the registered model; asks nothing of the store on an open server.</summary>
    public Task RequireChangeableModelAsync(TrackingStore tracking, string name, CancellationToken cancellationToken) =>
        _user is null ? Task.CompletedTask : ChangeableModelAsync(tracking, name, cancellationToken);

    /// <summary>Refuses setting or deleting <paramref name="key"/> on the model (or one of its versions) when the caller may not.</summary>
    public Task RequireModelTagChangeAsync(TrackingStore tracking, string name, string key, CancellationToken cancellationToken)
    {
        GuardTags([key]);
        return RequireChangeableModelAsync(tracking, name, cancellationToken);
    }

    public async Task<RegisteredModel> SeenModelAsync(TrackingStore tracking, string name, CancellationToken cancellationToken)
    {
        var model = await tracking.Registry.GetModelAsync(name, cancellationToken);
        return MaySee(model.Tags) ? model : throw ModelNotFound(name);
    }

    public async Task<RegisteredModel> ChangeableModelAsync(TrackingStore tracking, string name, CancellationToken cancellationToken)
    {
        if (_user is null) return await tracking.Registry.GetModelAsync(name, cancellationToken);
        var model = await SeenModelAsync(tracking, name, cancellationToken);
        return MayChange(model.Tags) ? model : throw Denied($"registered model '{name}' belongs to another user or is shared; only its owner, an editor of its project or an admin changes it");
    }

    /// <summary>The tags of something the caller creates: theirs as given, with the caller as owner.</summary>
    public IReadOnlyDictionary<string, string> Owned(IReadOnlyDictionary<string, string> tags)
    {
        if (_user is null) return tags;
        GuardTags(tags.Keys);
        return new Dictionary<string, string>(tags, StringComparer.Ordinal) { [PlatformAccess.OwnerTag] = _user.UserId };
    }

    /// <summary>Refuses a tag the caller may not set or delete: the owner's and the project's, which only the platform writes.</summary>
    public void GuardTags(IEnumerable<string> keys)
    {
        if (_user is null) return;
        var list = keys.ToList();
        if (list.Contains(PlatformAccess.OwnerTag, StringComparer.Ordinal))
            throw Denied($"the tag '{PlatformAccess.OwnerTag}' names the owner and is set by the server; it cannot be set or deleted through the API");
        if (list.Contains(PlatformAccess.ProjectTag, StringComparer.Ordinal))
            throw Denied($"the tag '{PlatformAccess.ProjectTag}' names the project and is set by the server; move the item with PUT /api/runs/ID/project or /api/models/NAME/project");
    }

    public static TrackingException RunNotFound(string runId) => new(TrackingErrorCode.ResourceDoesNotExist, $"run '{runId}' does not exist");

    public static TrackingException ModelNotFound(string name) => new(TrackingErrorCode.ResourceDoesNotExist, $"no registered model is named '{name}'");

    public static MlflowApiException Denied(string message) => new(MlflowErrorCodes.PermissionDenied, StatusCodes.Status403Forbidden, message);
}
