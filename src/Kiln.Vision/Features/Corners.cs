using OpenCvSharp;

namespace Kiln.Vision.Features;

/// <summary>Corner detectors: Harris' response and Shi–Tomasi's "good features to track".</summary>
public static class Corners
{
    /// <summary>
    /// Harris corners: pixels whose response (block <paramref name="blockSize"/>, Sobel <paramref name="kernel"/>,
    /// <paramref name="k"/>) is above <paramref name="relativeThreshold"/> of the strongest and the largest in their
    /// 3 × 3 neighbourhood, strongest first.
    /// </summary>
    public static IReadOnlyList<Point2f> Harris(Mat image, int blockSize = 2, int kernel = 3, double k = 0.04, double relativeThreshold = 0.01)
    {
        Check.NotEmpty(image);
        Check.OddKernel(kernel, nameof(kernel));
        Check.InRange(relativeThreshold, 0, 1, nameof(relativeThreshold));
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        using var floats = new Mat();
        gray.ConvertTo(floats, MatType.CV_32F);
        using var response = new Mat();
        Cv2.CornerHarris(floats, response, blockSize, kernel, k);
        Cv2.MinMaxLoc(response, out double _, out double strongest);
        using var peaks = new Mat();
        Cv2.Dilate(response, peaks, null);
        var corners = new List<(Point2f Point, float Response)>();
        var threshold = (float)(relativeThreshold * strongest);
        var columns = response.Cols;
        var values = response.AsSpan<float>();
        var maxima = peaks.AsSpan<float>();
        for (var i = 0; i < values.Length; i++)
            if (values[i] > threshold && values[i] >= maxima[i]) corners.Add((new Point2f(i % columns, i / columns), values[i]));
        return [.. corners.OrderByDescending(c => c.Response).Select(c => c.Point)];
    }

    /// <summary>Shi–Tomasi corners: up to <paramref name="maxCorners"/>, each at least <paramref name="quality"/> of the best and <paramref name="minDistance"/> pixels apart.</summary>
    public static IReadOnlyList<Point2f> ShiTomasi(Mat image, int maxCorners = 100, double quality = 0.01, double minDistance = 10)
    {
        Check.NotEmpty(image);
        if (maxCorners < 1) throw new ArgumentOutOfRangeException(nameof(maxCorners), maxCorners, $"maxCorners must be at least 1, got {maxCorners}");
        Check.InRange(quality, 0, 1, nameof(quality));
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        return Cv2.GoodFeaturesToTrack(gray, maxCorners, quality, minDistance, null!, 3, false, 0.04);
    }
}
