namespace Kiln.Server.Projects;

/// <summary>The roles as the API and the database spell them, and the two a member can be given.</summary>
public static class ProjectRoles
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Owner = "owner";

    /// <summary>What an admin who is not in a project is told as their role in it: they manage every project.</summary>
    public const string Admin = "admin";

    /// <summary>The roles a member can be given; the owner is the one who made the project.</summary>
    public static IReadOnlyList<string> Assignable { get; } = [Viewer, Editor];

    public static string Name(ProjectRole role) => role switch
    {
        ProjectRole.Viewer => Viewer,
        ProjectRole.Editor => Editor,
        _ => Owner,
    };

    /// <summary>The member role named <paramref name="text"/>; null for anything but viewer or editor.</summary>
    public static ProjectRole? ParseAssignable(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Viewer => ProjectRole.Viewer,
        Editor => ProjectRole.Editor,
        _ => null,
    };
}
