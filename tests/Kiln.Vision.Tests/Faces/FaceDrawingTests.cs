using Kiln.Vision.Faces;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Faces;

public sealed class FaceDrawingTests
{
    [Fact]
    public void Each_face_gets_its_box_and_its_landmarks_drawn_and_a_face_outside_the_image_nothing()
    {
        using var image = new Mat(200, 300, MatType.CV_8UC3, Scalar.All(0));
        var face = new DetectedFace(new Rect2f(100, 60, 80, 100), 0.93f, [new(120, 90), new(160, 90), new(140, 115), new(125, 140), new(155, 140)]);
        var outside = new DetectedFace(new Rect2f(400, 10, 20, 20), 0.8f);
        var green = new Scalar(0, 200, 0);

        FaceDrawing.Draw(image, [face, outside], green);

        Assert.Equal(new Vec3b(0, 200, 0), image.At<Vec3b>(110, 100));
        Assert.Equal(new Vec3b(0, 200, 0), image.At<Vec3b>(160, 140));
        Assert.NotEqual(new Vec3b(0, 0, 0), image.At<Vec3b>(115, 140));
        Assert.Equal(new Vec3b(0, 0, 0), image.At<Vec3b>(100, 140));
    }

    [Theory]
    [InlineData(0.9349f, "face 0.93")]
    [InlineData(1f, "face 1.00")]
    [InlineData(41f, "face 41")]
    public void A_probability_is_labelled_to_two_places_and_a_count_of_windows_as_a_whole_number(float score, string label)
    {
        Assert.Equal(label, FaceDrawing.ScoreLabel(score));
    }
}
