using Kiln.Testing;
using Kiln.Vision.Faces;

namespace Kiln.Vision.Tests.Faces;

public sealed class FaceDetectorsTests
{
    [Theory]
    [InlineData("haar", typeof(HaarFaceDetector), "haarcascades/haarcascade_frontalface_default.xml")]
    [InlineData("YuNet", typeof(YuNetFaceDetector), "face-detection/yunet_s_640_640.onnx")]
    [InlineData("ultraface", typeof(UltraFaceDetector), "face-detection/ultraface-version-RFB-320.onnx")]
    public void Creates_each_detector_by_name_with_its_model(string name, Type type, string model)
    {
        using var detector = FaceDetectors.Create(name, SharedFolder.RequireModel(model));

        Assert.IsType(type, detector);
        Assert.Equal(name.ToLowerInvariant(), detector.Name);
    }

    [Fact]
    public void An_unknown_name_lists_the_detectors()
    {
        var error = Assert.Throws<ArgumentException>(() => FaceDetectors.Create("mtcnn"));
        Assert.Contains("haar, yunet, ultraface", error.Message);
    }

    [Fact]
    public void The_cascade_takes_no_nms_threshold_and_a_whole_number_of_neighbours_as_its_score()
    {
        Assert.Contains("merges overlapping windows", Assert.Throws<ArgumentException>(() => FaceDetectors.Create("haar", nmsThreshold: 0.4)).Message);
        Assert.Contains("whole number", Assert.Throws<ArgumentOutOfRangeException>(() => FaceDetectors.Create("haar", scoreThreshold: 0.5)).Message);
    }

    [Fact]
    public void The_score_and_nms_thresholds_reach_the_network()
    {
        using var canvas = FacePhotos.PastedFace(out _);
        var model = SharedFolder.RequireModel("face-detection/yunet_s_640_640.onnx");
        using var usual = FaceDetectors.Create("yunet", model);
        using var unsuppressed = FaceDetectors.Create("yunet", model, nmsThreshold: 1);
        using var unreachable = FaceDetectors.Create("yunet", model, scoreThreshold: 1);

        Assert.Single(usual.Detect(canvas));
        Assert.True(unsuppressed.Detect(canvas).Count > 1, "without suppression the neighbouring cells' boxes of the one face all remain");
        Assert.Empty(unreachable.Detect(canvas));
    }
}
