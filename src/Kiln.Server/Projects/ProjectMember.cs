namespace Kiln.Server.Projects;

/// <summary>A member of a project as listed: who they are and their role (viewer or editor).</summary>
public sealed record ProjectMember(string UserId, string UserName, string? Email, string Role);
