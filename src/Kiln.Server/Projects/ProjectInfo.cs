namespace Kiln.Server.Projects;

/// <summary>A project as a user sees it: its name, owner, members, and the role the asking user has in it.</summary>
public sealed record ProjectInfo(string Id, string Name, string OwnerId, string OwnerName, string? OwnerEmail, DateTimeOffset CreatedAt, string YourRole, IReadOnlyList<ProjectMember> Members)
{
    /// <summary>Whether the asking user may rename the project, manage its members and delete it.</summary>
    public bool CanManage => YourRole is ProjectRoles.Owner or ProjectRoles.Admin;
}
