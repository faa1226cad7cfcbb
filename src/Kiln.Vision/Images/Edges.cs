using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Edge detectors; each returns a one-channel 8-bit image where edges are bright.</summary>
public static class Edges
{
    /// <summary>Canny edges with hysteresis thresholds <paramref name="low"/> and <paramref name="high"/> on the gradient magnitude.</summary>
    public static Mat Canny(Mat image, double low = 100, double high = 200)
    {
        Check.NotEmpty(image);
        if (!(low >= 0) || !(high >= low))
            throw new ArgumentOutOfRangeException(nameof(high), high, $"Canny thresholds need 0 ≤ low ≤ high, got low {low} and high {high}");
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        var edges = new Mat();
        Cv2.Canny(gray, edges, low, high);
        return edges;
    }

    /// <summary>The Sobel gradient magnitude √(gx² + gy²) with an odd <paramref name="kernel"/> (1–7), scaled to 0–255.</summary>
    public static Mat Sobel(Mat image, int kernel = 3)
    {
        Check.NotEmpty(image);
        Check.OddKernel(kernel, nameof(kernel));
        Check.InRange(kernel, 1, 7, nameof(kernel));
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(gray, gx, MatType.CV_32F, 1, 0, kernel);
        Cv2.Sobel(gray, gy, MatType.CV_32F, 0, 1, kernel);
        using var magnitude = new Mat();
        Cv2.Magnitude(gx, gy, magnitude);
        return ToBytes(magnitude);
    }

    /// <summary>The absolute Laplacian (second derivative) with an odd <paramref name="kernel"/> (1–7), scaled to 0–255.</summary>
    public static Mat Laplacian(Mat image, int kernel = 3)
    {
        Check.NotEmpty(image);
        Check.OddKernel(kernel, nameof(kernel));
        Check.InRange(kernel, 1, 7, nameof(kernel));
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        using var laplacian = new Mat();
        Cv2.Laplacian(gray, laplacian, MatType.CV_32F, kernel);
        using var absolute = new Mat();
        Cv2.Absdiff(laplacian, Scalar.All(0), absolute);
        return ToBytes(absolute);
    }

    static Mat ToBytes(Mat values)
    {
        var bytes = new Mat();
        Cv2.Normalize(values, bytes, 0, 255, NormTypes.MinMax, MatType.CV_8U);
        return bytes;
    }
}
