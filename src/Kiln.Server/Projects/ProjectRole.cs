namespace Kiln.Server.Projects;

/// <summary>
/// What a user may do with a project's datasets, runs and models: a viewer sees them (and predicts with its models), an
/// editor also changes them, and the owner also manages the project itself (its name, members and deletion).
/// </summary>
public enum ProjectRole
{
    Viewer,
    Editor,
    Owner,
}
