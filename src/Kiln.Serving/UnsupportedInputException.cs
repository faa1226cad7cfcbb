namespace Kiln.Serving;

/// <summary>
/// Input of the wrong kind for the model: rows sent to an image model, images to a model that takes rows, or an
/// uploaded file that declares itself something other than an image, which <see cref="File"/> then names.
/// </summary>
public sealed class UnsupportedInputException(string message, string? file = null) : Exception(message)
{
    public string? File { get; } = file;
}
