using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Morphological operations with a square (or elliptical) structuring element.</summary>
public static class Morphology
{
    /// <summary>
    /// Applies <paramref name="operation"/> (erode, dilate, open, close, gradient, top hat, black hat) with an odd
    /// <paramref name="kernel"/>-pixel element, <paramref name="iterations"/> times.
    /// </summary>
    public static Mat Apply(Mat image, MorphTypes operation, int kernel = 3, int iterations = 1, MorphShapes shape = MorphShapes.Rect)
    {
        Check.NotEmpty(image);
        Check.OddKernel(kernel, nameof(kernel));
        if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"iterations must be at least 1, got {iterations}");
        using var element = Cv2.GetStructuringElement(shape, new Size(kernel, kernel));
        var result = new Mat();
        Cv2.MorphologyEx(image, result, operation, element, iterations: iterations);
        return result;
    }
}
