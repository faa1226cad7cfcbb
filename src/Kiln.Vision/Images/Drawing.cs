using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Draws on an image in place, as OpenCV's drawing functions do; colours are BGR.</summary>
public static class Drawing
{
    const HersheyFonts Font = HersheyFonts.HersheySimplex;

    /// <summary>A rectangle, with <paramref name="label"/> on a filled tab above it when given; thickness −1 fills it.</summary>
    public static void Box(Mat image, Rect box, Scalar color, int thickness = 2, string? label = null)
    {
        Check.NotEmpty(image);
        Cv2.Rectangle(image, box, color, thickness, LineTypes.AntiAlias);
        if (string.IsNullOrEmpty(label)) return;
        var scale = LabelScale(image);
        var size = Cv2.GetTextSize(label, Font, scale, 1, out var baseline);
        var top = box.Y - size.Height - baseline - 4 >= 0 ? box.Y - size.Height - baseline - 4 : box.Y;
        Cv2.Rectangle(image, new Rect(box.X, top, size.Width + 6, size.Height + baseline + 4), color, -1);
        Cv2.PutText(image, label, new Point(box.X + 3, top + size.Height + 2), Font, scale, TextColorOn(color), 1, LineTypes.AntiAlias);
    }

    /// <summary>Text with its baseline starting at <paramref name="origin"/>; <paramref name="scale"/> 1 is about 22 pixels tall.</summary>
    public static void Text(Mat image, string text, Point origin, Scalar color, double scale = 0.8, int thickness = 2)
    {
        Check.NotEmpty(image);
        Check.Positive(scale, nameof(scale));
        Cv2.PutText(image, text, origin, Font, scale, color, thickness, LineTypes.AntiAlias);
    }

    /// <summary>A circle of <paramref name="radius"/> pixels; thickness −1 fills it.</summary>
    public static void Circle(Mat image, Point centre, int radius, Scalar color, int thickness = 2)
    {
        Check.NotEmpty(image);
        Cv2.Circle(image, centre, radius, color, thickness, LineTypes.AntiAlias);
    }

    /// <summary>A straight line between two points.</summary>
    public static void Line(Mat image, Point from, Point to, Scalar color, int thickness = 2)
    {
        Check.NotEmpty(image);
        Cv2.Line(image, from, to, color, thickness, LineTypes.AntiAlias);
    }

    /// <summary>A closed outline through <paramref name="points"/>, such as a found document's or object's corners.</summary>
    public static void Polygon(Mat image, IEnumerable<Point> points, Scalar color, int thickness = 2)
    {
        Check.NotEmpty(image);
        Cv2.Polylines(image, [points], isClosed: true, color, thickness, LineTypes.AntiAlias);
    }

    static double LabelScale(Mat image) => Math.Clamp(Math.Max(image.Width, image.Height) / 1400.0, 0.4, 1.2);

    static Scalar TextColorOn(Scalar background) =>
        0.114 * background.Val0 + 0.587 * background.Val1 + 0.299 * background.Val2 > 140 ? Scalar.Black : Scalar.White;
}
