using Kiln.Data;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace Kiln.Vision.Faces;

/// <summary>
/// UltraFace (Ultra-Light-Fast-Generic-Face-Detector-1MB) run by ONNX Runtime, as its reference does it: the whole
/// image resized to the model's input (320×240), RGB, (x − 127) / 128; the exported model already applies its priors
/// and softmax, so it gives each prior's face probability and box corners as fractions of the image. Boxes above the
/// score threshold go through the reference's hard non-maximum suppression (the best 200 candidates, IoU with a 1e-5
/// guard) and are scaled to the image.
/// </summary>
public sealed class UltraFaceDetector : IFaceDetector
{
    /// <summary>UltraFace RFB at 320×240, relative to the shared folder.</summary>
    public const string DefaultModel = "models/face-detection/ultraface-version-RFB-320.onnx";

    readonly OnnxModel _model;
    readonly UltraFaceOptions _options;

    public UltraFaceDetector(UltraFaceOptions? options = null)
    {
        _options = options ?? new UltraFaceOptions();
        _options.Check();
        _model = new OnnxModel(ModelFiles.Resolve(_options.ModelPath, DefaultModel, "UltraFace model"), "input", ["scores", "boxes"]);
    }

    public string Name => "ultraface";

    /// <summary>The model file in use.</summary>
    public string ModelPath => _model.Path;

    /// <summary>The model's fixed input size; images are resized to it whatever their shape, as the reference does.</summary>
    public Size InputSize => new(_model.InputWidth, _model.InputHeight);

    public IReadOnlyList<DetectedFace> Detect(Mat image)
    {
        using var converted = FaceImage.ToBgr(image);
        var bgr = converted ?? image;
        using var blob = CvDnn.BlobFromImage(bgr, 1 / 128.0, InputSize, new Scalar(127, 127, 127), swapRB: true, crop: false);
        using var outputs = _model.Run(blob);
        var scores = outputs[0].GetTensorDataAsSpan<float>();
        var boxes = outputs[1].GetTensorDataAsSpan<float>();
        var priors = boxes.Length / 4;
        if (scores.Length != 2 * priors)
            throw new DataFormatException(_model.Path, null, null, $"gives {scores.Length / 2} scores for {priors} boxes; expected one (background, face) pair per box");
        var candidates = new List<(float Score, int Index)>();
        for (var i = 0; i < priors; i++)
            if (scores[2 * i + 1] > _options.ScoreThreshold) candidates.Add((scores[2 * i + 1], i));
        var corners = new float[candidates.Count][];
        for (var k = 0; k < candidates.Count; k++) corners[k] = boxes.Slice(4 * candidates[k].Index, 4).ToArray();
        var (width, height) = (bgr.Width, bgr.Height);
        return [.. Suppress(candidates, corners).Select(k =>
        {
            var c = corners[k];
            return new DetectedFace(new Rect2f(c[0] * width, c[1] * height, (c[2] - c[0]) * width, (c[3] - c[1]) * height), candidates[k].Score);
        })];
    }

    /// <summary>The reference's hard NMS: the best candidate is kept and every remaining box overlapping it by more than the threshold dropped, in turn.</summary>
    IEnumerable<int> Suppress(List<(float Score, int Index)> candidates, float[][] corners)
    {
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(k => candidates[k].Score).Take(_options.CandidateCount).ToList();
        while (order.Count > 0)
        {
            var best = order[0];
            yield return best;
            order = order.Skip(1).Where(k => Overlap(corners[k], corners[best]) <= _options.NmsThreshold).ToList();
        }
    }

    static float Overlap(float[] a, float[] b)
    {
        var shared = Area(Math.Max(a[0], b[0]), Math.Max(a[1], b[1]), Math.Min(a[2], b[2]), Math.Min(a[3], b[3]));
        return shared / (Area(a[0], a[1], a[2], a[3]) + Area(b[0], b[1], b[2], b[3]) - shared + 1e-5f);
    }

    static float Area(float left, float top, float right, float bottom) => Math.Max(right - left, 0) * Math.Max(bottom - top, 0);

    public void Dispose() => _model.Dispose();
}
