namespace Kiln.Plots;

/// <summary>One small greyscale image for an <see cref="ImageGallery"/>: its pixels row by row (0 black, 255 white), size and two caption lines.</summary>
public sealed record GalleryImage(byte[] Pixels, int Height, int Width, string Caption, string Detail, bool Highlight)
{
    internal void Check()
    {
        if (Height < 1 || Width < 1 || Pixels.Length != Height * Width)
            throw new ArgumentException($"gallery image '{Caption}': {Pixels.Length} pixels do not make a {Height}×{Width} image");
    }
}
