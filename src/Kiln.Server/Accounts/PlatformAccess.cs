using System.Collections.Concurrent;
using System.Security.Claims;
using Kiln.Server.Projects;
using Kiln.Tracking;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kiln.Server.Accounts;

/// <summary>
/// Who may see and change datasets, runs and registered models. What the platform makes carries the tag
/// <see cref="OwnerTag"/> with its owner's id, and <see cref="ProjectTag"/> with its project's id when it is in one;
/// what the command line records carries no owner and is shared by everyone signed in. The rule itself is
/// <see cref="UserAccess"/>, one user's view loaded by <see cref="ForAsync"/>; every page, endpoint and filter asks it.
/// A view is kept for <see cref="ViewLifetime"/> so that the prediction endpoints do not read the database per request,
/// and dropped at once when a project on this server changes.
/// </summary>
public sealed class PlatformAccess
{
    /// <summary>The tag naming the user a run or registered model belongs to.</summary>
    public const string OwnerTag = "kiln.owner";

    /// <summary>The tag naming the project a run or registered model is in; set by the server only.</summary>
    public const string ProjectTag = "kiln.project";

    /// <summary>How long a user's roles are trusted before they are read again (what another server changed shows after this).</summary>
    public static readonly TimeSpan ViewLifetime = TimeSpan.FromSeconds(2);

    /// <summary>Runs are read from the store this many at a time.</summary>
    const int RunPage = 1000;

    readonly TrackingStore _tracking;
    readonly ProjectStore _projects;
    readonly ConcurrentDictionary<string, (UserAccess Access, DateTimeOffset Read)> _views = new(StringComparer.Ordinal);

    public PlatformAccess(TrackingStore tracking, ProjectStore projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        (_tracking, _projects) = (tracking, projects);
        projects.Changed += _views.Clear;
    }

    /// <summary>The signed-in user's id.</summary>
    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("the request is not signed in");

    /// <summary>The signed-in user's view: their id, whether they are an admin, and their role in each of their projects.</summary>
    public async Task<UserAccess> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = UserId(user);
        var admin = user.IsInRole(KilnRoles.Admin);
        if (_views.TryGetValue(id, out var known) && known.Access.IsAdmin == admin && DateTimeOffset.UtcNow - known.Read < ViewLifetime) return known.Access;
        var access = new UserAccess(id, admin, await _projects.RolesOfAsync(id, cancellationToken).ConfigureAwait(false));
        _views[id] = (access, DateTimeOffset.UtcNow);
        return access;
    }

    /// <summary>
    /// The view of the user an interactive page answers, read now: a page lives as long as its connection, so it asks
    /// again before each change and each refresh, and a role taken away meanwhile counts at once.
    /// </summary>
    public async Task<UserAccess> ForAsync(Task<AuthenticationState> state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        return await ForAsync((await state.ConfigureAwait(false)).User, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The runs the user may see, newest first, however many the store holds: an admin's are all of them; anyone else's
    /// are asked for by tag (theirs, the shared ones, each project's), so other users' private runs are never read.
    /// </summary>
    public async Task<IReadOnlyList<Run>> RunsAsync(UserAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.IsAdmin) return await AllRunsAsync(new RunQuery(), cancellationToken).ConfigureAwait(false);
        var queries = new List<RunQuery>
        {
            new() { Tags = new Dictionary<string, string> { [OwnerTag] = access.UserId } },
            new() { WithoutTags = [OwnerTag] },
        };
        queries.AddRange(access.Projects.Keys.Select(p => new RunQuery { Tags = new Dictionary<string, string> { [ProjectTag] = p } }));
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var query in queries)
            foreach (var run in await AllRunsAsync(query, cancellationToken).ConfigureAwait(false))
                runs.TryAdd(run.Id, run);
        return [.. runs.Values.OrderByDescending(r => r.StartTime).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The runs in the project, newest first, asked for by its tag; none when the user is not in it.</summary>
    public async Task<IReadOnlyList<Run>> RunsInProjectAsync(UserAccess access, string projectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.RoleIn(projectId) is null) return [];
        return await AllRunsAsync(new RunQuery { Tags = new Dictionary<string, string> { [ProjectTag] = projectId } }, cancellationToken).ConfigureAwait(false);
    }

    async Task<List<Run>> AllRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        var all = new List<Run>();
        for (var skip = 0; ; skip += RunPage)
        {
            var page = await _tracking.Runs.SearchAsync(query with { MaxResults = RunPage, Skip = skip }, cancellationToken).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < RunPage) return all;
        }
    }

    /// <summary>The run when the user may see it; null when it is another user's or does not exist, which look the same.</summary>
    public async Task<Run?> RunAsync(UserAccess access, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (string.IsNullOrWhiteSpace(id) || id.Length > 32 || !id.All(char.IsAsciiHexDigit)) return null;
        try
        {
            var run = await _tracking.Runs.GetAsync(id.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
            return run.Lifecycle == LifecycleStage.Active && access.CanSee(run.Tags) ? run : null;
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }

    /// <summary>The registered models the user may see, by name.</summary>
    public async Task<IReadOnlyList<RegisteredModel>> ModelsAsync(UserAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        return [.. (await _tracking.Registry.ListModelsAsync(cancellationToken).ConfigureAwait(false)).Where(m => access.CanSee(m.Tags))];
    }

    /// <summary>The registered model when the user may see it; null otherwise, whether it exists or not.</summary>
    public async Task<RegisteredModel?> ModelAsync(UserAccess access, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            var model = await _tracking.Registry.GetModelAsync(name, cancellationToken).ConfigureAwait(false);
            return access.CanSee(model.Tags) ? model : null;
        }
        catch (TrackingException e) when (e.Code is TrackingErrorCode.ResourceDoesNotExist or TrackingErrorCode.InvalidParameterValue)
        {
            return null;
        }
    }
}
