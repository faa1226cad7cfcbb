using Kiln.Data;
using Kiln.Testing;
using Kiln.Vision.Faces;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Faces;

public sealed class HaarFaceDetectorTests
{
    static string Cascade => SharedFolder.RequireModel("haarcascades/haarcascade_frontalface_default.xml");

    /// <summary>
    /// The cascade finds the frontal faces; it cannot see the girl looking down in obama_and_biden.jpg, and with the
    /// usual five neighbours it also takes a few patches of background for faces, each merged from far fewer windows
    /// than a real face, so twenty neighbours keep exactly the frontal faces.
    /// </summary>
    [Theory]
    [InlineData("kit_with_rose.jpg", 2)]
    [InlineData("obama_and_biden.jpg", 2)]
    [InlineData("two_people.jpg", 2)]
    public void Counts_the_frontal_faces_in_each_group_photo_each_on_a_face_yunet_finds(string file, int faces)
    {
        using var photo = FacePhotos.Group(file);
        using var detector = new HaarFaceDetector(new HaarFaceOptions { CascadePath = Cascade, MinNeighbors = 20 });
        using var yunet = new YuNetFaceDetector(new YuNetOptions { ModelPath = SharedFolder.RequireModel("face-detection/yunet_s_640_640.onnx") });

        var found = detector.Detect(photo);

        Assert.Equal(faces, found.Count);
        var truth = yunet.Detect(photo);
        Assert.All(found, face => Assert.Contains(truth, t => Boxes.IntersectionOverUnion(t.Box, face.Box) >= 0.5));
    }

    [Fact]
    public void Finds_a_face_pasted_at_a_known_place()
    {
        using var canvas = FacePhotos.PastedFace(out var truth);
        using var detector = new HaarFaceDetector(new HaarFaceOptions { CascadePath = Cascade });

        var face = Assert.Single(detector.Detect(canvas));

        Assert.True(Boxes.IntersectionOverUnion(face.Box, truth) >= 0.5, $"found {face.Box}, placed at {truth}");
    }

    [Fact]
    public void Gives_the_boxes_opencvs_detect_multi_scale_gives_scored_by_the_windows_merged_into_each()
    {
        using var photo = FacePhotos.Group("obama_and_biden.jpg");
        using var detector = new HaarFaceDetector(new HaarFaceOptions { CascadePath = Cascade, EqualizeHistogram = false });
        using var reference = new CascadeClassifier(Cascade);
        using var gray = Colors.Convert(photo, ColorSpace.Gray);

        var expected = reference.DetectMultiScale(gray, 1.1, 5, HaarDetectionTypes.ScaleImage, new Size(30, 30));
        var found = detector.Detect(photo);

        Assert.Equal(expected.OrderBy(r => (r.X, r.Y)), found.Select(f => new Rect((int)f.Box.X, (int)f.Box.Y, (int)f.Box.Width, (int)f.Box.Height)).OrderBy(r => (r.X, r.Y)));
        Assert.All(found, face => Assert.True(face.Score > 5 && face.Score == MathF.Floor(face.Score), $"score {face.Score}"));
        Assert.Equal(found.Select(f => f.Score).OrderDescending(), found.Select(f => f.Score));
    }

    [Fact]
    public void A_missing_cascade_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new HaarFaceDetector(new HaarFaceOptions { CascadePath = "/no/such/cascade.xml" }));
        Assert.Contains("/no/such/cascade.xml", error.Message);
    }

    [Fact]
    public void A_file_that_is_no_cascade_is_refused_naming_it()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("cascade.xml");
        File.WriteAllText(path, "<opencv_storage></opencv_storage>");

        var error = Assert.Throws<DataFormatException>(() => new HaarFaceDetector(new HaarFaceOptions { CascadePath = path }));

        Assert.Contains(path, error.Message);
    }
}
