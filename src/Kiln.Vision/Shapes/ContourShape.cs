using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>
/// One outline found in a binary image with the measures OpenCV's contour tutorials compute: area, perimeter,
/// bounding box, centroid, aspect ratio, extent (area over box area), solidity (area over convex-hull area),
/// circularity (4π·area / perimeter², 1 for a circle) and the corners of its simplified polygon.
/// </summary>
public sealed record ContourShape(
    IReadOnlyList<Point> Points,
    double Area,
    double Perimeter,
    Rect BoundingBox,
    Point2d Centroid,
    double AspectRatio,
    double Extent,
    double Solidity,
    double Circularity,
    IReadOnlyList<Point> Polygon,
    bool IsConvex)
{
    /// <summary>How many corners the simplified outline has: 3 for a triangle, 4 for a rectangle, many for a circle.</summary>
    public int CornerCount => Polygon.Count;
}
