namespace Kiln.Serving;

/// <summary>How much one prediction request may ask of an image model; beyond these it is refused before anything is decoded.</summary>
public sealed record ImageLimits
{
    public const int DefaultMaxFiles = 64;

    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>The most image files one request may hold.</summary>
    public int MaxFiles { get; init; } = DefaultMaxFiles;

    /// <summary>The largest one encoded image file may be, in bytes.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The most pixels (width × height) one image may have: a small file can hold a huge image, whose decoding would take gigabytes.</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>Throws when a limit is not positive, naming it.</summary>
    public void Validate()
    {
        if (MaxFiles < 1) throw new ArgumentOutOfRangeException(nameof(MaxFiles), MaxFiles, "image limits: a request must be allowed at least 1 file");
        if (MaxFileBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), MaxFileBytes, "image limits: a file must be allowed at least 1 byte");
        if (MaxPixels < 1) throw new ArgumentOutOfRangeException(nameof(MaxPixels), MaxPixels, "image limits: an image must be allowed at least 1 pixel");
    }
}
