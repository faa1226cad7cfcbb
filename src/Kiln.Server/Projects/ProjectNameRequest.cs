namespace Kiln.Server.Projects;

/// <summary>The body of <c>POST /api/projects</c> and <c>PATCH /api/projects/{id}</c>: the project's (new) name.</summary>
public sealed record ProjectNameRequest(string? Name);
