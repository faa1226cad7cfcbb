namespace Kiln.Server.Projects;

/// <summary>The body of <c>PUT /api/projects/{id}/members/{user}</c>: the member's role, viewer or editor.</summary>
public sealed record MemberRoleRequest(string? Role);
