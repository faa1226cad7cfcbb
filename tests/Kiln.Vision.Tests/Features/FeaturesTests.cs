using Kiln.Testing;
using Kiln.Vision.Features;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Features;

public sealed class FeaturesTests
{
    /// <summary>A 200 × 160 textured object: random rectangles, circles and text, so it has plenty of distinctive keypoints.</summary>
    static Mat TexturedObject()
    {
        var image = new Mat(160, 200, MatType.CV_8UC3, new Scalar(200, 210, 220));
        var random = new Random(5);
        for (var i = 0; i < 30; i++)
        {
            var color = new Scalar(random.Next(256), random.Next(256), random.Next(256));
            if (i % 2 == 0) Cv2.Rectangle(image, new Rect(random.Next(180), random.Next(140), random.Next(8, 40), random.Next(8, 40)), color, -1);
            else Cv2.Circle(image, new Point(random.Next(200), random.Next(160)), random.Next(4, 20), color, -1);
        }
        Cv2.PutText(image, "KILN 42", new Point(20, 90), HersheyFonts.HersheyDuplex, 1.4, Scalar.All(10), 3);
        return image;
    }

    [Fact]
    public void Corners_of_a_square_are_found_by_harris_and_shi_tomasi()
    {
        using var image = new Mat(100, 100, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Rectangle(image, new Rect(30, 30, 40, 40), Scalar.All(255), -1);
        Point2f[] truth = [new(30, 30), new(69, 30), new(69, 69), new(30, 69)];

        var shiTomasi = Corners.ShiTomasi(image, maxCorners: 10);
        var harris = Corners.Harris(image, relativeThreshold: 0.1);

        Assert.Equal(4, shiTomasi.Count);
        foreach (var corner in truth)
        {
            Assert.Contains(shiTomasi, p => p.DistanceTo(corner) <= 2);
            Assert.Contains(harris, p => p.DistanceTo(corner) <= 2);
        }
        Assert.All(harris, p => Assert.True(truth.Min(c => c.DistanceTo(p)) <= 3, $"{p} is no corner"));
    }

    // FLANN's LSH tables for ORB are drawn by the native library's random generator, whose state other work in the
    // process moves, so its matches (and the corners found from them) vary by a pixel or two from run to run
    [Theory]
    [InlineData(KeypointMethod.Orb, MatcherKind.BruteForce, 4)]
    [InlineData(KeypointMethod.Orb, MatcherKind.Flann, 6)]
    [InlineData(KeypointMethod.Sift, MatcherKind.BruteForce, 2)]
    [InlineData(KeypointMethod.Sift, MatcherKind.Flann, 2)]
    public void An_object_placed_by_a_known_homography_is_located_within_a_few_pixels(KeypointMethod method, MatcherKind matcher, double pixels)
    {
        using var objectImage = TexturedObject();
        Point2f[] truth = [new(150, 90), new(370, 120), new(350, 300), new(130, 260)];
        Point2f[] box = [new(0, 0), new(199, 0), new(199, 159), new(0, 159)];
        using var homography = Cv2.GetPerspectiveTransform(box, truth);
        using var scene = new Mat(400, 500, MatType.CV_8UC3, new Scalar(90, 100, 110));
        using var warped = new Mat();
        using var mask = new Mat();
        Cv2.WarpPerspective(objectImage, warped, homography, scene.Size());
        Cv2.WarpPerspective(new Mat(objectImage.Size(), MatType.CV_8UC1, Scalar.All(255)), mask, homography, scene.Size());
        warped.CopyTo(scene, mask);

        var found = ObjectLocator.Locate(objectImage, scene, method, matcher);

        Assert.NotNull(found);
        Assert.True(found.InlierCount >= 10, $"{found.InlierCount} inliers");
        for (var i = 0; i < 4; i++)
            Assert.True(found.Corners[i].DistanceTo(truth[i]) <= pixels, $"corner {i} at {found.Corners[i]}, truly {truth[i]}");
    }

    [Fact]
    public void Nothing_is_located_in_a_scene_without_the_object()
    {
        using var objectImage = TexturedObject();
        using var scene = new Mat(300, 300, MatType.CV_8UC3, new Scalar(90, 100, 110));
        Cv2.Circle(scene, new Point(150, 150), 60, Scalar.All(250), -1);
        Assert.Null(ObjectLocator.Locate(objectImage, scene));
    }

    [Fact]
    public void Descriptors_of_different_kinds_are_not_matched()
    {
        using var image = TexturedObject();
        using var orb = ImageFeatures.Detect(image, KeypointMethod.Orb);
        using var sift = ImageFeatures.Detect(image, KeypointMethod.Sift);
        Assert.Throws<ArgumentException>(() => FeatureMatching.Match(orb, sift));
    }

    [Fact]
    public void The_box_is_found_in_the_cluttered_scene()
    {
        using var box = ImageFile.Read(SharedFolder.RequireDataset("images/opencv-samples/box.png"));
        using var scene = ImageFile.Read(SharedFolder.RequireDataset("images/opencv-samples/box_in_scene.png"));
        var found = ObjectLocator.Locate(box, scene);
        Assert.NotNull(found);
        Assert.True(found.InlierCount >= 20, $"{found.InlierCount} inliers");
        Assert.True(Cv2.IsContourConvex(found.Corners.Select(p => new Point((int)p.X, (int)p.Y))), "the located outline is a convex quadrilateral");
        var area = Cv2.ContourArea(found.Corners);
        Assert.InRange(area, 0.2 * box.Width * box.Height, 1.5 * box.Width * box.Height);
    }

    [Theory]
    [InlineData(TemplateMatchModes.SqDiff)]
    [InlineData(TemplateMatchModes.SqDiffNormed)]
    [InlineData(TemplateMatchModes.CCorrNormed)]
    [InlineData(TemplateMatchModes.CCoeff)]
    [InlineData(TemplateMatchModes.CCoeffNormed)]
    public void A_template_cut_from_the_image_is_found_at_its_offset(TemplateMatchModes method)
    {
        using var image = TexturedObject();
        using var template = Geometry.Crop(image, new Rect(57, 41, 50, 40));
        var match = TemplateMatcher.Find(image, template, method);
        Assert.Equal(new Rect(57, 41, 50, 40), match.Box);
    }

    [Fact]
    public void Multi_scale_matching_finds_a_template_shown_at_another_size()
    {
        using var image = TexturedObject();
        using var part = Geometry.Crop(image, new Rect(40, 30, 80, 60));
        using var template = Geometry.Scale(part, 0.5);
        var match = TemplateMatcher.Find(image, template, TemplateMatchModes.CCoeffNormed, TemplateMatcher.Scales(1.5, 2.5, 11));
        Assert.Equal(2.0, match.Scale, 3);
        Assert.InRange(match.Box.X, 39, 41);
        Assert.InRange(match.Box.Y, 29, 31);
        Assert.Throws<ArgumentException>(() => TemplateMatcher.Find(image, template, TemplateMatchModes.SqDiff, [1, 2]));
    }
}
