using OpenCvSharp;

namespace Kiln.Vision.Features;

/// <summary>
/// An object image found in a scene: the homography from object to scene, the object's corners in the scene
/// (top-left, top-right, bottom-right, bottom-left), the ratio-tested matches and which of them RANSAC kept.
/// </summary>
public sealed record LocatedObject(double[,] Homography, IReadOnlyList<Point2f> Corners, IReadOnlyList<DMatch> Matches, IReadOnlyList<bool> Inliers)
{
    public int InlierCount => Inliers.Count(i => i);
}
