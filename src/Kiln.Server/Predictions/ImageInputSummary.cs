using Kiln.Neural.Packaging;

namespace Kiln.Server.Predictions;

/// <summary>
/// The images an image model takes, as its package's preprocessing records them: every upload, whatever its size, is
/// resized to <see cref="Height"/> × <see cref="Width"/>, reduced to <see cref="Channels"/>, and each pixel value
/// (0–255) becomes value · <see cref="Scale"/> + <see cref="Offset"/>.
/// </summary>
/// <param name="ColorMode"><c>grayscale</c> or <c>rgb</c>.</param>
public sealed record ImageInputSummary(int Height, int Width, int Channels, string ColorMode, double Scale, double Offset)
{
    public static ImageInputSummary Of(ImagePreprocessing preprocessing)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        return new(preprocessing.Height ?? 0, preprocessing.Width ?? 0, preprocessing.Channels, preprocessing.ColorMode, preprocessing.Scale, preprocessing.Offset);
    }
}
