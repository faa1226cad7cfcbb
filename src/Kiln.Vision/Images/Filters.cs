using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Smoothing and sharpening filters; each returns a new image of the same size and type.</summary>
public static class Filters
{
    /// <summary>Gaussian blur with a square odd <paramref name="kernel"/>; sigma follows from the kernel size, as in OpenCV.</summary>
    public static Mat GaussianBlur(Mat image, int kernel, double sigma = 0)
    {
        Check.NotEmpty(image);
        Check.OddKernel(kernel, nameof(kernel));
        var blurred = new Mat();
        Cv2.GaussianBlur(image, blurred, new Size(kernel, kernel), sigma);
        return blurred;
    }

    /// <summary>Median blur, which removes salt-and-pepper noise and keeps edges; the odd <paramref name="kernel"/> is at least 3.</summary>
    public static Mat MedianBlur(Mat image, int kernel)
    {
        Check.NotEmpty(image);
        Check.OddKernel(kernel, nameof(kernel));
        var blurred = new Mat();
        Cv2.MedianBlur(image, blurred, kernel);
        return blurred;
    }

    /// <summary>Bilateral filter: smooths flat areas, keeps edges (neighbourhood <paramref name="diameter"/> pixels).</summary>
    public static Mat BilateralBlur(Mat image, int diameter = 9, double sigmaColor = 75, double sigmaSpace = 75)
    {
        Check.NotEmpty(image);
        if (diameter < 1) throw new ArgumentOutOfRangeException(nameof(diameter), diameter, $"diameter must be at least 1 pixel, got {diameter}");
        Check.Positive(sigmaColor, nameof(sigmaColor));
        Check.Positive(sigmaSpace, nameof(sigmaSpace));
        var filtered = new Mat();
        Cv2.BilateralFilter(image, filtered, diameter, sigmaColor, sigmaSpace);
        return filtered;
    }

    /// <summary>Unsharp masking: adds <paramref name="amount"/> times the difference from a Gaussian blur of width <paramref name="sigma"/>.</summary>
    public static Mat Sharpen(Mat image, double amount = 1, double sigma = 1)
    {
        Check.NotEmpty(image);
        Check.Positive(amount, nameof(amount));
        Check.Positive(sigma, nameof(sigma));
        using var blurred = new Mat();
        Cv2.GaussianBlur(image, blurred, new Size(0, 0), sigma);
        var sharpened = new Mat();
        Cv2.AddWeighted(image, 1 + amount, blurred, -amount, 0, sharpened);
        return sharpened;
    }
}
