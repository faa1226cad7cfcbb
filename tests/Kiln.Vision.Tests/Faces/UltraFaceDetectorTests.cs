using Kiln.Data;
using Kiln.Testing;
using Kiln.Vision.Faces;

namespace Kiln.Vision.Tests.Faces;

public sealed class UltraFaceDetectorTests
{
    static string Model => SharedFolder.RequireModel("face-detection/ultraface-version-RFB-320.onnx");

    [Theory]
    [MemberData(nameof(FacePhotos.GroupCounts), MemberType = typeof(FacePhotos))]
    public void Counts_the_faces_in_each_group_photo(string file, int faces)
    {
        using var photo = FacePhotos.Group(file);
        using var detector = new UltraFaceDetector(new UltraFaceOptions { ModelPath = Model });

        Assert.Equal(faces, detector.Detect(photo).Count);
    }

    [Theory]
    [InlineData("face-detection/ultraface-version-RFB-320.onnx")]
    [InlineData("face-detection/ultraface-version-slim-320.onnx")]
    public void Finds_a_face_pasted_at_a_known_place(string model)
    {
        using var canvas = FacePhotos.PastedFace(out var truth);
        using var detector = new UltraFaceDetector(new UltraFaceOptions { ModelPath = SharedFolder.RequireModel(model) });

        var face = Assert.Single(detector.Detect(canvas));

        Assert.True(Boxes.IntersectionOverUnion(face.Box, truth) >= 0.5, $"found {face.Box}, placed at {truth}");
        Assert.InRange(face.Score, 0.7f, 1f);
        Assert.Null(face.Landmarks);
    }

    [Fact]
    public void Agrees_with_yunet_on_the_face_of_every_portrait()
    {
        using var ultraFace = new UltraFaceDetector(new UltraFaceOptions { ModelPath = Model });
        using var yunet = new YuNetFaceDetector(new YuNetOptions { ModelPath = SharedFolder.RequireModel("face-detection/yunet_s_640_640.onnx") });
        var portraits = FacePhotos.Portraits().ToList();
        Assert.True(portraits.Count >= 15, $"{portraits.Count} portraits");

        foreach (var file in portraits)
        {
            using var photo = ImageFile.Read(file);
            var fromUltraFace = ultraFace.Detect(photo);
            var fromYuNet = yunet.Detect(photo);
            Assert.True(fromUltraFace.Count >= 1 && fromYuNet.Count == 1, $"{file}: UltraFace finds {fromUltraFace.Count}, YuNet {fromYuNet.Count}");
            // The surest faces are the same face: their boxes differ only in where each model puts a forehead and chin.
            var overlap = Boxes.IntersectionOverUnion(fromUltraFace[0].Box, fromYuNet[0].Box);
            Assert.True(overlap >= 0.7, $"{file}: UltraFace {fromUltraFace[0].Box}, YuNet {fromYuNet[0].Box}, IoU {overlap:0.00}");
        }
    }

    [Fact]
    public void A_model_without_ultrafaces_outputs_is_refused_naming_the_file()
    {
        var yunet = SharedFolder.RequireModel("face-detection/yunet_s_640_640.onnx");

        var error = Assert.Throws<DataFormatException>(() => new UltraFaceDetector(new UltraFaceOptions { ModelPath = yunet }));

        Assert.Contains(yunet, error.Message);
        Assert.Contains("scores", error.Message);
    }
}
