using Kiln.Data;
using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Reads and writes image files (PNG, JPEG, BMP, TIFF, WebP) with errors that name the file.</summary>
public static class ImageFile
{
    /// <summary>The file name endings an image can be written to.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"];

    /// <summary>Reads an image as 8-bit BGR (OpenCV's channel order), or as one grey channel when <paramref name="grayscale"/>.</summary>
    public static Mat Read(string path, bool grayscale = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such image file", path);
        var image = Cv2.ImRead(path, grayscale ? ImreadModes.Grayscale : ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            throw new DataFormatException(path, null, null, "not an image that can be decoded (PNG, JPEG, BMP, TIFF or WebP)");
        }
        return image;
    }

    /// <summary>Writes an image in the format its name ends with; the file appears whole or not at all.</summary>
    public static void Write(string path, Mat image)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(image);
        if (image.Empty()) throw new ArgumentException($"{path}: the image to write is empty", nameof(image));
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            throw new ArgumentException($"{path}: cannot write '{extension}' images; use one of {string.Join(", ", Extensions)}", nameof(path));
        using var scaled = image.Depth() == MatType.CV_8U ? null : ScaledToBytes(image);
        if (!Cv2.ImEncode(extension, scaled ?? image, out var bytes))
            throw new IOException($"{path}: the image could not be encoded as {extension}");
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Images of other depths (floating-point edges, 16-bit gradients) are scaled into 8 bits, as a viewer shows them.</summary>
    static Mat ScaledToBytes(Mat image)
    {
        var scaled = new Mat();
        Cv2.Normalize(image, scaled, 0, 255, NormTypes.MinMax, MatType.CV_8U);
        return scaled;
    }
}
