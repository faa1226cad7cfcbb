using OpenCvSharp;

namespace Kiln.Vision.Tests.Shapes;

public sealed class BoxesTests
{
    [Fact]
    public void Intersection_over_union_is_one_for_equal_boxes_zero_for_apart_and_a_third_for_half_overlapping_squares()
    {
        var square = new Rect2f(10, 10, 20, 20);

        Assert.Equal(1, Boxes.IntersectionOverUnion(square, square), 6);
        Assert.Equal(0, Boxes.IntersectionOverUnion(square, new Rect2f(30, 10, 20, 20)));
        Assert.Equal(1 / 3.0, Boxes.IntersectionOverUnion(square, new Rect2f(20, 10, 20, 20)), 6);
    }
}
