namespace Kiln.Server.Projects;

/// <summary>One project as stored: its owner, its name (unique among the owner's projects) and when it was made.</summary>
sealed class ProjectRow
{
    public required string Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
