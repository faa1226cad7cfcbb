using System.Security.Claims;
using Kiln.Tracking;

namespace Kiln.Server.Accounts;

/// <summary>
/// Who may see and change runs and registered models. What the platform makes carries the tag <see cref="OwnerTag"/>
/// with its owner's id; what the command line records carries none and is shared by everyone signed in. An admin sees
/// everything; a member sees their own and the shared, and changes only their own.
/// </summary>
public sealed class PlatformAccess(TrackingStore tracking)
{
    /// <summary>The tag naming the user a run or registered model belongs to.</summary>
    public const string OwnerTag = "kiln.owner";

    /// <summary>The signed-in user's id.</summary>
    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("the request is not signed in");

    public static bool CanSee(ClaimsPrincipal user, IReadOnlyDictionary<string, string> tags) =>
        user.IsInRole(KilnRoles.Admin) || !tags.TryGetValue(OwnerTag, out var owner) || owner == UserId(user);

    /// <summary>Only the owner (or an admin) changes something; what nobody owns is changed by admins alone.</summary>
    public static bool CanChange(ClaimsPrincipal user, IReadOnlyDictionary<string, string> tags) =>
        user.IsInRole(KilnRoles.Admin) || (tags.TryGetValue(OwnerTag, out var owner) && owner == UserId(user));

    /// <summary>The runs the user may see, newest first.</summary>
    public async Task<IReadOnlyList<Run>> RunsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        [.. (await tracking.Runs.SearchAsync(new RunQuery { MaxResults = 5000 }, cancellationToken).ConfigureAwait(false)).Where(r => CanSee(user, r.Tags))];

    /// <summary>The run when the user may see it; null when it is another user's or does not exist, which look the same.</summary>
    public async Task<Run?> RunAsync(ClaimsPrincipal user, string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 32 || !id.All(char.IsAsciiHexDigit)) return null;
        try
        {
            var run = await tracking.Runs.GetAsync(id.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
            return run.Lifecycle == LifecycleStage.Active && CanSee(user, run.Tags) ? run : null;
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }

    /// <summary>The registered models the user may see, by name.</summary>
    public async Task<IReadOnlyList<RegisteredModel>> ModelsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        [.. (await tracking.Registry.ListModelsAsync(cancellationToken).ConfigureAwait(false)).Where(m => CanSee(user, m.Tags))];

    /// <summary>The registered model when the user may see it; null otherwise, whether it exists or not.</summary>
    public async Task<RegisteredModel?> ModelAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            var model = await tracking.Registry.GetModelAsync(name, cancellationToken).ConfigureAwait(false);
            return CanSee(user, model.Tags) ? model : null;
        }
        catch (TrackingException e) when (e.Code is TrackingErrorCode.ResourceDoesNotExist or TrackingErrorCode.InvalidParameterValue)
        {
            return null;
        }
    }
}
