using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Thresholds that turn an image into black and white (0 and 255), on its grey levels.</summary>
public static class Thresholds
{
    /// <summary>White where the grey level is above <paramref name="level"/> (below, when <paramref name="inverse"/>).</summary>
    public static Mat Binary(Mat image, double level, bool inverse = false)
    {
        Check.InRange(level, 0, 255, nameof(level));
        return Apply(image, level, inverse ? ThresholdTypes.BinaryInv : ThresholdTypes.Binary).Image;
    }

    /// <summary>Otsu's threshold, chosen to separate the grey-level histogram's two modes best; returns the image and the level chosen.</summary>
    public static (Mat Image, double Level) Otsu(Mat image, bool inverse = false) =>
        Apply(image, 0, (inverse ? ThresholdTypes.BinaryInv : ThresholdTypes.Binary) | ThresholdTypes.Otsu);

    /// <summary>
    /// A threshold per pixel: the Gaussian-weighted mean of its odd <paramref name="block"/> neighbourhood minus
    /// <paramref name="offset"/>; copes with uneven lighting, as on photographed pages.
    /// </summary>
    public static Mat Adaptive(Mat image, int block = 11, double offset = 2, bool inverse = false)
    {
        Check.NotEmpty(image);
        Check.OddKernel(block, nameof(block));
        if (block < 3) throw new ArgumentOutOfRangeException(nameof(block), block, $"block must be an odd number of at least 3 pixels, got {block}");
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        var binary = new Mat();
        Cv2.AdaptiveThreshold(gray, binary, 255, AdaptiveThresholdTypes.GaussianC, inverse ? ThresholdTypes.BinaryInv : ThresholdTypes.Binary, block, offset);
        return binary;
    }

    static (Mat Image, double Level) Apply(Mat image, double level, ThresholdTypes type)
    {
        Check.NotEmpty(image);
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        var binary = new Mat();
        var chosen = Cv2.Threshold(gray, binary, level, 255, type);
        return (binary, chosen);
    }
}
