using Kiln.Vision.Faces;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Faces;

public sealed class DetectedFaceTests
{
    [Fact]
    public void A_face_running_off_the_image_is_cut_to_it_and_one_outside_has_no_crop()
    {
        using var image = new Mat(100, 200, MatType.CV_8UC3, Scalar.All(50));
        var atEdge = new DetectedFace(new Rect2f(-10.5f, 80.2f, 40, 40), 0.9f);
        var outside = new DetectedFace(new Rect2f(300, 10, 20, 20), 0.9f);

        Assert.Equal(new Rect(0, 80, 30, 20), atEdge.PixelBox(image.Size()));
        using var crop = atEdge.Crop(image);
        Assert.Equal(new Size(30, 20), crop!.Size());
        Assert.Null(outside.Crop(image));
    }
}
