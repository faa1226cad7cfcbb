namespace Kiln.Serving;

/// <summary>An uploaded file that is not a readable image (not PNG, JPEG …, or damaged); <see cref="File"/> names it.</summary>
public sealed class InvalidImageException(string file, string message) : Exception(message)
{
    public string File { get; } = file;
}
