using OpenCvSharp;

namespace Kiln.Vision.Faces;

/// <summary>
/// A face found in an image: its box in the image's pixels, the detector's score, and — from detectors that give
/// them (YuNet) — five landmarks in the order right eye, left eye, nose tip, right and left mouth corner
/// (right and left as the person sees them).
/// </summary>
public sealed record DetectedFace(Rect2f Box, float Score, IReadOnlyList<Point2f>? Landmarks = null)
{
    /// <summary>The box in whole pixels, cut to an image of <paramref name="imageSize"/>; empty when the face lies outside it.</summary>
    public Rect PixelBox(Size imageSize)
    {
        var left = Math.Clamp((int)Math.Floor(Box.X), 0, imageSize.Width);
        var top = Math.Clamp((int)Math.Floor(Box.Y), 0, imageSize.Height);
        var right = Math.Clamp((int)Math.Ceiling(Box.X + Box.Width), 0, imageSize.Width);
        var bottom = Math.Clamp((int)Math.Ceiling(Box.Y + Box.Height), 0, imageSize.Height);
        return new Rect(left, top, Math.Max(0, right - left), Math.Max(0, bottom - top));
    }

    /// <summary>A copy of the face's pixels from <paramref name="image"/>, or null when the box lies outside the image.</summary>
    public Mat? Crop(Mat image)
    {
        Check.NotEmpty(image);
        var box = PixelBox(image.Size());
        if (box.Width == 0 || box.Height == 0) return null;
        using var view = new Mat(image, box);
        return view.Clone();
    }
}
