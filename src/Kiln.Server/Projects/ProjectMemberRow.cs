namespace Kiln.Server.Projects;

/// <summary>One member of a project as stored, with their role's name (<see cref="ProjectRole"/>).</summary>
sealed class ProjectMemberRow
{
    public required string ProjectId { get; set; }
    public required string UserId { get; set; }
    public required string Role { get; set; }
}
