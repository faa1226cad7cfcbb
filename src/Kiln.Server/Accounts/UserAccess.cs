using Kiln.Server.Projects;

namespace Kiln.Server.Accounts;

/// <summary>
/// One user's view of the platform, loaded once by <see cref="PlatformAccess.ForAsync"/>: their id, whether they are an
/// admin, and their role in each project they own or belong to. It answers who may see and change a dataset (its owner
/// and project) or a run or registered model (its <see cref="PlatformAccess.OwnerTag"/> and <see cref="PlatformAccess.ProjectTag"/>):
/// an admin everything; what has no owner tag (the command line's records) is seen by all and changed by admins; the
/// owner sees and changes their own; a project's viewers see its items and its editors and owner change them too.
/// </summary>
public sealed class UserAccess
{
    public UserAccess(string userId, bool isAdmin, IReadOnlyDictionary<string, ProjectRole> projects)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        (UserId, IsAdmin, Projects) = (userId, isAdmin, projects);
    }

    public string UserId { get; }

    public bool IsAdmin { get; }

    /// <summary>The user's role in each project they own or are a member of, by project id.</summary>
    public IReadOnlyDictionary<string, ProjectRole> Projects { get; }

    /// <summary>The user's role in the project, or null when they are not in it (an admin's is <see cref="ProjectRole.Owner"/>).</summary>
    public ProjectRole? RoleIn(string? projectId) =>
        projectId is null ? null : Projects.TryGetValue(projectId, out var role) ? role : IsAdmin ? ProjectRole.Owner : null;

    /// <summary>Whether the user may put items into the project: its owner, an editor or an admin.</summary>
    public bool MayAddTo(string projectId) => RoleIn(projectId) is ProjectRole.Editor or ProjectRole.Owner;

    public bool CanSee(string ownerId, string? projectId) => IsAdmin || ownerId == UserId || RoleIn(projectId) is not null;

    public bool CanChange(string ownerId, string? projectId) => IsAdmin || ownerId == UserId || (projectId is not null && MayAddTo(projectId));

    /// <summary>Whether the user sees the run or model with these tags; what carries no owner is shared.</summary>
    public bool CanSee(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return !tags.TryGetValue(PlatformAccess.OwnerTag, out var owner) || CanSee(owner, ProjectOf(tags));
    }

    /// <summary>Whether the user changes the run or model with these tags; what nobody owns is changed by admins alone.</summary>
    public bool CanChange(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.TryGetValue(PlatformAccess.OwnerTag, out var owner) ? CanChange(owner, ProjectOf(tags)) : IsAdmin;
    }

    /// <summary>The project the run or model with these tags is in, or null when it is private or shared.</summary>
    public static string? ProjectOf(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(PlatformAccess.ProjectTag, out var project) && project.Length > 0 ? project : null;
}
