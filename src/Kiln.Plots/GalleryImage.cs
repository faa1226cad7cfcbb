namespace Kiln.Plots;

/// <summary>
/// One small image for an <see cref="ImageGallery"/>: its pixels row by row (0 black, 255 white; red, green, blue
/// side by side when it has 3 channels), size and two caption lines.
/// </summary>
public sealed record GalleryImage(byte[] Pixels, int Height, int Width, string Caption, string Detail, bool Highlight)
{
    /// <summary>1 for greyscale, 3 for colour.</summary>
    public int Channels { get; init; } = 1;

    internal void Check()
    {
        if (Channels is not (1 or 3)) throw new ArgumentException($"gallery image '{Caption}': {Channels} channels; give 1 (greyscale) or 3 (rgb)");
        if (Height < 1 || Width < 1 || Pixels.Length != Height * Width * Channels)
            throw new ArgumentException($"gallery image '{Caption}': {Pixels.Length} pixels do not make a {Height}×{Width} image{(Channels == 3 ? " of 3 channels" : "")}");
    }
}
