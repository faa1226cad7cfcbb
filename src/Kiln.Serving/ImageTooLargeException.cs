namespace Kiln.Serving;

/// <summary>A request over the <see cref="ImageLimits"/>: too many files, or one too large in bytes or pixels, which <see cref="File"/> names.</summary>
public sealed class ImageTooLargeException(string? file, string message) : Exception(message)
{
    /// <summary>The file over a limit; null when the request as a whole holds too many files.</summary>
    public string? File { get; } = file;
}
