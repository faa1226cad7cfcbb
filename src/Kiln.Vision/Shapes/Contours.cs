using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Finds the outlines of the white regions of a binary image and measures each (<see cref="ContourShape"/>).</summary>
public static class Contours
{
    /// <summary>
    /// The outlines of <paramref name="binary"/>'s white regions (only the outermost unless <paramref name="nested"/>),
    /// at least <paramref name="minimumArea"/> pixels, largest first. Each polygon is simplified to within
    /// <paramref name="polygonTolerance"/> of the perimeter (Douglas–Peucker, as <c>cv2.approxPolyDP</c>).
    /// </summary>
    public static IReadOnlyList<ContourShape> Find(Mat binary, double minimumArea = 0, bool nested = false, double polygonTolerance = 0.02)
    {
        Check.NotEmpty(binary);
        if (binary.Channels() != 1) throw new ArgumentException($"contours are found in a one-channel binary image, got {binary.Channels()} channels", nameof(binary));
        Check.InRange(polygonTolerance, 0, 1, nameof(polygonTolerance));
        Cv2.FindContours(binary, out var outlines, out _, nested ? RetrievalModes.List : RetrievalModes.External, ContourApproximationModes.ApproxNone);
        var shapes = new List<ContourShape>(outlines.Length);
        foreach (var outline in outlines)
        {
            var area = Cv2.ContourArea(outline);
            if (area < minimumArea || outline.Length < 3) continue;
            shapes.Add(Measure(outline, area, polygonTolerance));
        }
        shapes.Sort((a, b) => b.Area.CompareTo(a.Area));
        return shapes;
    }

    static ContourShape Measure(Point[] outline, double area, double polygonTolerance)
    {
        var perimeter = Cv2.ArcLength(outline, closed: true);
        var box = Cv2.BoundingRect(outline);
        var moments = Cv2.Moments(outline);
        var centroid = moments.M00 > 0
            ? new Point2d(moments.M10 / moments.M00, moments.M01 / moments.M00)
            : new Point2d(box.X + box.Width / 2.0, box.Y + box.Height / 2.0);
        var hullArea = Cv2.ContourArea(Cv2.ConvexHull(outline));
        var polygon = Cv2.ApproxPolyDP(outline, polygonTolerance * perimeter, closed: true);
        return new ContourShape(
            outline, area, perimeter, box, centroid,
            AspectRatio: (double)box.Width / box.Height,
            Extent: area / ((double)box.Width * box.Height),
            Solidity: hullArea > 0 ? area / hullArea : 0,
            Circularity: perimeter > 0 ? 4 * Math.PI * area / (perimeter * perimeter) : 0,
            polygon, Cv2.IsContourConvex(polygon));
    }
}
