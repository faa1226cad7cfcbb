using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Resizing, cropping, rotating and flipping; each returns a new image.</summary>
public static class Geometry
{
    /// <summary>Resizes to <paramref name="width"/> × <paramref name="height"/> pixels (area averaging when shrinking, as OpenCV advises).</summary>
    public static Mat Resize(Mat image, int width, int height)
    {
        Check.NotEmpty(image);
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, $"width must be at least 1 pixel, got {width}");
        if (height < 1) throw new ArgumentOutOfRangeException(nameof(height), height, $"height must be at least 1 pixel, got {height}");
        var resized = new Mat();
        var shrinking = width * height < image.Width * image.Height;
        Cv2.Resize(image, resized, new Size(width, height), interpolation: shrinking ? InterpolationFlags.Area : InterpolationFlags.Linear);
        return resized;
    }

    /// <summary>Scales both sides by <paramref name="factor"/>.</summary>
    public static Mat Scale(Mat image, double factor)
    {
        Check.Positive(factor, nameof(factor));
        Check.NotEmpty(image);
        return Resize(image, Math.Max(1, (int)Math.Round(image.Width * factor)), Math.Max(1, (int)Math.Round(image.Height * factor)));
    }

    /// <summary>The part of the image inside <paramref name="region"/>, which must lie within the image.</summary>
    public static Mat Crop(Mat image, Rect region)
    {
        Check.NotEmpty(image);
        if (region.Width < 1 || region.Height < 1 || region.X < 0 || region.Y < 0 || region.Right > image.Width || region.Bottom > image.Height)
            throw new ArgumentOutOfRangeException(nameof(region), region,
                $"the crop {region.X},{region.Y} {region.Width}×{region.Height} must lie inside the {image.Width}×{image.Height} image");
        return new Mat(image, region).Clone();
    }

    /// <summary>
    /// Rotates counter-clockwise by <paramref name="degrees"/> about the centre. The canvas grows to hold the whole
    /// rotated image (corners filled with <paramref name="fill"/>) unless <paramref name="keepSize"/>.
    /// </summary>
    public static Mat Rotate(Mat image, double degrees, bool keepSize = false, Scalar? fill = null)
    {
        Check.NotEmpty(image);
        if (!double.IsFinite(degrees)) throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "the angle must be a finite number of degrees");
        var centre = new Point2f((image.Width - 1) / 2f, (image.Height - 1) / 2f);
        using var rotation = Cv2.GetRotationMatrix2D(centre, degrees, 1);
        var size = image.Size();
        if (!keepSize)
        {
            var (cos, sin) = (Math.Abs(Math.Cos(degrees * Math.PI / 180)), Math.Abs(Math.Sin(degrees * Math.PI / 180)));
            size = new Size((int)Math.Round(image.Width * cos + image.Height * sin), (int)Math.Round(image.Width * sin + image.Height * cos));
            rotation.Set(0, 2, rotation.At<double>(0, 2) + (size.Width - image.Width) / 2.0);
            rotation.Set(1, 2, rotation.At<double>(1, 2) + (size.Height - image.Height) / 2.0);
        }
        var rotated = new Mat();
        Cv2.WarpAffine(image, rotated, rotation, size, InterpolationFlags.Linear, BorderTypes.Constant, fill ?? Scalar.All(0));
        return rotated;
    }

    /// <summary>Mirrors the image left to right, top to bottom, or both.</summary>
    public static Mat Flip(Mat image, FlipMode mode)
    {
        Check.NotEmpty(image);
        var flipped = new Mat();
        Cv2.Flip(image, flipped, mode);
        return flipped;
    }
}
