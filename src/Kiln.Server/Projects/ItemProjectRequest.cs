namespace Kiln.Server.Projects;

/// <summary>The body of <c>PUT /api/…/{id}/project</c>: the project to move the item into, or null to make it private.</summary>
public sealed record ItemProjectRequest(string? Project);
