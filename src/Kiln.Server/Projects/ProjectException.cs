using Microsoft.AspNetCore.Http;

namespace Kiln.Server.Projects;

/// <summary>A project request refused, with the field it is about and the HTTP status it answers with (400, 403, 404 or 409).</summary>
public sealed class ProjectException(string field, string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Field { get; } = field;
    public int Status { get; } = status;

    public static ProjectException NotFound(string id) => new("id", $"there is no project '{id}' of yours", StatusCodes.Status404NotFound);

    public static ProjectException Forbidden(string message) => new("id", message, StatusCodes.Status403Forbidden);
}
