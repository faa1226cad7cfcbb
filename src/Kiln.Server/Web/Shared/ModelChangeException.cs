namespace Kiln.Server.Web.Shared;

/// <summary>A change to the registry the platform refused, with a message to show the user as it is.</summary>
/// <param name="field">The form field the refusal is about (such as <c>canary</c> for a deployment), or null for the whole change.</param>
public sealed class ModelChangeException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
