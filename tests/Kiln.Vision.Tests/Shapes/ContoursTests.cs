using OpenCvSharp;

namespace Kiln.Vision.Tests.Shapes;

public sealed class ContoursTests
{
    [Fact]
    public void Shapes_are_measured_and_told_apart_by_their_corners_and_circularity()
    {
        using var image = new Mat(200, 300, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Rectangle(image, new Rect(20, 30, 80, 40), Scalar.All(255), -1);
        Cv2.Circle(image, new Point(200, 60), 35, Scalar.All(255), -1);
        Cv2.FillConvexPoly(image, [new Point(50, 120), new Point(120, 190), new Point(10, 190)], Scalar.All(255));

        var shapes = Contours.Find(image, minimumArea: 50);

        Assert.Equal(3, shapes.Count);
        var circle = shapes.MaxBy(s => s.Circularity)!;
        Assert.True(circle.CornerCount > 4);
        Assert.True(circle.Circularity > 0.85, $"circularity {circle.Circularity}");
        Assert.InRange(circle.Area, Math.PI * 35 * 35 * 0.95, Math.PI * 35 * 35 * 1.02);
        Assert.InRange(circle.Centroid.X, 199, 201);
        var rectangle = shapes.Single(s => s.CornerCount == 4);
        Assert.Equal(new Rect(20, 30, 80, 40), rectangle.BoundingBox);
        Assert.Equal(2.0, rectangle.AspectRatio);
        Assert.InRange(rectangle.Extent, 0.95, 1);
        Assert.InRange(rectangle.Centroid.X, 59, 60);
        var triangle = shapes.Single(s => s.CornerCount == 3);
        Assert.True(triangle.IsConvex);
        Assert.InRange(triangle.Extent, 0.45, 0.55);
    }

    [Fact]
    public void A_colour_image_is_refused_as_contour_input()
    {
        using var image = new Mat(10, 10, MatType.CV_8UC3, Scalar.All(0));
        Assert.Throws<ArgumentException>(() => Contours.Find(image));
    }
}
