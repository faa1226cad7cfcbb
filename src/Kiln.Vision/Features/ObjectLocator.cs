using OpenCvSharp;

namespace Kiln.Vision.Features;

/// <summary>Finds an object image in a scene from matched keypoints and a RANSAC homography, as OpenCV's feature-homography tutorial does.</summary>
public static class ObjectLocator
{
    /// <summary>The object's place in the scene, or null when fewer than <paramref name="minimumInliers"/> matches agree on one homography.</summary>
    public static LocatedObject? Locate(Mat objectImage, Mat scene, KeypointMethod method = KeypointMethod.Sift, MatcherKind matcher = MatcherKind.Flann,
        double ratio = 0.75, int minimumInliers = 10, double reprojectionThreshold = 5)
    {
        Check.NotEmpty(objectImage);
        Check.NotEmpty(scene);
        using var objectFeatures = ImageFeatures.Detect(objectImage, method, 2000);
        using var sceneFeatures = ImageFeatures.Detect(scene, method, 4000);
        var matches = FeatureMatching.Match(objectFeatures, sceneFeatures, matcher, ratio);
        return Locate(objectImage.Size(), objectFeatures, sceneFeatures, matches, minimumInliers, reprojectionThreshold);
    }

    /// <summary>The object's place from matches already made between its features and the scene's.</summary>
    public static LocatedObject? Locate(Size objectSize, ImageFeatures objectFeatures, ImageFeatures sceneFeatures, IReadOnlyList<DMatch> matches,
        int minimumInliers = 10, double reprojectionThreshold = 5)
    {
        if (minimumInliers < 4) throw new ArgumentOutOfRangeException(nameof(minimumInliers), minimumInliers, "a homography needs at least 4 matches");
        if (matches.Count < minimumInliers) return null;
        var from = matches.Select(m => objectFeatures.Keypoints[m.QueryIdx].Pt).Select(p => new Point2d(p.X, p.Y));
        var to = matches.Select(m => sceneFeatures.Keypoints[m.TrainIdx].Pt).Select(p => new Point2d(p.X, p.Y));
        using var mask = new Mat();
        using var homography = Cv2.FindHomography(from, to, HomographyMethods.Ransac, reprojectionThreshold, mask);
        if (homography.Empty()) return null;
        var inliers = Enumerable.Range(0, matches.Count).Select(i => mask.At<byte>(i) != 0).ToArray();
        if (inliers.Count(i => i) < minimumInliers) return null;
        var h = new double[3, 3];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++) h[r, c] = homography.At<double>(r, c);
        Point2f[] box = [new(0, 0), new(objectSize.Width - 1, 0), new(objectSize.Width - 1, objectSize.Height - 1), new(0, objectSize.Height - 1)];
        var corners = Cv2.PerspectiveTransform(box, homography);
        return new LocatedObject(h, corners, matches, inliers);
    }
}
