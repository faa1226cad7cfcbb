using Kiln.Data;
using Kiln.Testing;
using Kiln.Vision.Faces;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Faces;

public sealed class YuNetFaceDetectorTests
{
    static string Model => SharedFolder.RequireModel("face-detection/yunet_s_640_640.onnx");

    [Theory]
    [InlineData("obama_and_biden.jpg", 0.9f)]
    [InlineData("two_people.jpg", 0.5f)]
    [InlineData("kit_with_rose.jpg", 0.3f)]
    public void Decoding_and_suppression_give_what_OpenCVs_FaceDetectorYN_gives_for_the_same_model(string file, float threshold)
    {
        using var photo = FacePhotos.Group(file);
        using var input = FacePhotos.Letterboxed(photo, new Size(640, 640));
        using var reference = FaceDetectorYN.Create(Model, "", input.Size(), threshold, 0.3f, 5000);
        using var expected = new Mat();
        reference.Detect(input, expected);
        using var detector = new YuNetFaceDetector(new YuNetOptions { ModelPath = Model, ScoreThreshold = threshold });

        var faces = detector.Detect(input);

        var rows = expected.Rows;
        Assert.True(rows >= 2, $"OpenCV finds {rows} faces in {file}");
        Assert.Equal(rows, faces.Count);
        for (var r = 0; r < rows; r++)
        {
            var face = faces[r];
            float[] ours = [face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height, .. face.Landmarks!.SelectMany(p => new[] { p.X, p.Y }), face.Score];
            for (var c = 0; c < 15; c++)
                Assert.True(Math.Abs(ours[c] - expected.At<float>(r, c)) < 0.02, $"{file} face {r} value {c}: ours {ours[c]}, OpenCV's {expected.At<float>(r, c)}");
        }
    }

    [Theory]
    [MemberData(nameof(FacePhotos.GroupCounts), MemberType = typeof(FacePhotos))]
    public void Counts_the_faces_in_each_group_photo(string file, int faces)
    {
        using var photo = FacePhotos.Group(file);
        using var detector = new YuNetFaceDetector(new YuNetOptions { ModelPath = Model });

        Assert.Equal(faces, detector.Detect(photo).Count);
    }

    [Fact]
    public void Finds_a_face_pasted_at_a_known_place_with_its_landmarks_where_a_face_has_them()
    {
        using var canvas = FacePhotos.PastedFace(out var truth);
        using var detector = new YuNetFaceDetector(new YuNetOptions { ModelPath = Model });

        var face = Assert.Single(detector.Detect(canvas));

        Assert.True(Boxes.IntersectionOverUnion(face.Box, truth) >= 0.5, $"found {face.Box}, placed at {truth}");
        var (rightEye, leftEye, nose, rightMouth, leftMouth) = (face.Landmarks![0], face.Landmarks[1], face.Landmarks[2], face.Landmarks[3], face.Landmarks[4]);
        Assert.True(rightEye.X < leftEye.X && rightMouth.X < leftMouth.X, "the person's right is on the image's left");
        Assert.True(Math.Max(rightEye.Y, leftEye.Y) < nose.Y && nose.Y < Math.Min(rightMouth.Y, leftMouth.Y), "eyes above the nose above the mouth");
        Assert.All(face.Landmarks, p => Assert.True(face.Box.Contains(p), $"landmark {p} outside the box {face.Box}"));
    }

    [Fact]
    public void Boxes_are_given_in_the_images_own_pixels_whatever_its_size()
    {
        using var photo = FacePhotos.Group("two_people.jpg");
        using var half = Geometry.Scale(photo, 0.5);
        using var detector = new YuNetFaceDetector(new YuNetOptions { ModelPath = Model });

        var full = detector.Detect(photo).OrderBy(f => f.Box.X).ToList();
        var small = detector.Detect(half).OrderBy(f => f.Box.X).ToList();

        Assert.Equal(2, full.Count);
        Assert.Equal(2, small.Count);
        for (var i = 0; i < 2; i++)
        {
            var doubled = new Rect2f(small[i].Box.X * 2, small[i].Box.Y * 2, small[i].Box.Width * 2, small[i].Box.Height * 2);
            Assert.True(Boxes.IntersectionOverUnion(full[i].Box, doubled) > 0.8, $"{full[i].Box} at full size, {small[i].Box} at half");
        }
    }

    [Fact]
    public void A_grey_image_is_searched_as_well()
    {
        using var canvas = FacePhotos.PastedFace(out var truth);
        using var gray = Colors.Convert(canvas, ColorSpace.Gray);
        using var detector = new YuNetFaceDetector(new YuNetOptions { ModelPath = Model });

        var face = Assert.Single(detector.Detect(gray));
        Assert.True(Boxes.IntersectionOverUnion(face.Box, truth) >= 0.5);
    }

    [Fact]
    public void A_model_without_yunets_outputs_is_refused_naming_the_file_and_what_it_lacks()
    {
        var ultraFace = SharedFolder.RequireModel("face-detection/ultraface-version-RFB-320.onnx");

        var error = Assert.Throws<DataFormatException>(() => new YuNetFaceDetector(new YuNetOptions { ModelPath = ultraFace }));

        Assert.Contains(ultraFace, error.Message);
        Assert.Contains("cls_8", error.Message);
    }

    [Fact]
    public void A_file_that_is_no_model_is_refused_naming_it()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("model.onnx");
        File.WriteAllText(path, "not a network");

        var error = Assert.Throws<DataFormatException>(() => new YuNetFaceDetector(new YuNetOptions { ModelPath = path }));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new YuNetFaceDetector(new YuNetOptions { ModelPath = "/no/such/yunet.onnx" }));
        Assert.Contains("/no/such/yunet.onnx", error.Message);
    }

    [Fact]
    public void A_score_threshold_outside_zero_to_one_names_the_setting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new YuNetFaceDetector(new YuNetOptions { ScoreThreshold = 1.5f }));
        Assert.Contains(nameof(YuNetOptions.ScoreThreshold), error.Message);
    }
}
