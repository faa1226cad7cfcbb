using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Measures between axis-aligned boxes.</summary>
public static class Boxes
{
    /// <summary>The area two boxes share divided by the area they cover together (0 when apart, 1 when equal).</summary>
    public static double IntersectionOverUnion(Rect2f a, Rect2f b)
    {
        var width = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var height = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        if (width <= 0 || height <= 0) return 0;
        var shared = (double)width * height;
        var union = (double)a.Width * a.Height + (double)b.Width * b.Height - shared;
        return union > 0 ? shared / union : 0;
    }
}
