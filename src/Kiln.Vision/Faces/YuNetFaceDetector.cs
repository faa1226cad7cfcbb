using Kiln.Data;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace Kiln.Vision.Faces;

/// <summary>
/// YuNet (libfacedetection) run by ONNX Runtime, its outputs decoded as OpenCV's <c>FaceDetectorYN</c> decodes them:
/// for each of the strides 8, 16 and 32 and each grid cell, score √(class × objectness) (both clamped to 0–1), centre
/// (cell + offset) × stride, size e^(w, h) × stride, five landmarks (cell + offset) × stride; then OpenCV's
/// <c>NMSBoxes</c> on the boxes cut to whole pixels. The model's input is fixed (640×640 or 320×320), so an image is
/// scaled to fit it, keeping its shape, with the rest padded black at the right and bottom as OpenCV pads, and the
/// faces are scaled back.
/// </summary>
public sealed class YuNetFaceDetector : IFaceDetector
{
    /// <summary>YuNet-s at 640×640, relative to the shared folder.</summary>
    public const string DefaultModel = "models/face-detection/yunet_s_640_640.onnx";

    static readonly int[] Strides = [8, 16, 32];
    static readonly string[] Outputs =
        ["cls_8", "cls_16", "cls_32", "obj_8", "obj_16", "obj_32", "bbox_8", "bbox_16", "bbox_32", "kps_8", "kps_16", "kps_32"];

    readonly OnnxModel _model;
    readonly YuNetOptions _options;

    public YuNetFaceDetector(YuNetOptions? options = null)
    {
        _options = options ?? new YuNetOptions();
        _options.Check();
        _model = new OnnxModel(ModelFiles.Resolve(_options.ModelPath, DefaultModel, "YuNet model"), "input", Outputs);
        if (_model.InputWidth % 32 != 0 || _model.InputHeight % 32 != 0)
        {
            _model.Dispose();
            throw new DataFormatException(_model.Path, null, null,
                $"YuNet's input must be a multiple of 32 pixels on each side, the model takes {_model.InputWidth}×{_model.InputHeight}");
        }
    }

    public string Name => "yunet";

    /// <summary>The model file in use.</summary>
    public string ModelPath => _model.Path;

    /// <summary>The model's fixed input size; images are scaled to fit it.</summary>
    public Size InputSize => new(_model.InputWidth, _model.InputHeight);

    public IReadOnlyList<DetectedFace> Detect(Mat image)
    {
        using var converted = FaceImage.ToBgr(image);
        var bgr = converted ?? image;
        var scale = Math.Min((double)_model.InputWidth / bgr.Width, (double)_model.InputHeight / bgr.Height);
        var fitted = new Size(
            Math.Clamp((int)Math.Round(bgr.Width * scale), 1, _model.InputWidth),
            Math.Clamp((int)Math.Round(bgr.Height * scale), 1, _model.InputHeight));
        using var padded = new Mat(InputSize, MatType.CV_8UC3, Scalar.All(0));
        using (var target = new Mat(padded, new Rect(0, 0, fitted.Width, fitted.Height)))
        {
            if (fitted == bgr.Size()) bgr.CopyTo(target);
            else Cv2.Resize(bgr, target, fitted, 0, 0, InterpolationFlags.Linear);
        }
        // FaceDetectorYN feeds the padded BGR pixels as they are: no mean, no scaling and, unlike OpenCvSharp's default, no channel swap.
        using var blob = CvDnn.BlobFromImage(padded, 1, default, default, swapRB: false, crop: false);
        var faces = Decode(blob);
        var (scaleX, scaleY) = ((float)fitted.Width / bgr.Width, (float)fitted.Height / bgr.Height);
        return [.. faces.Select(face => new DetectedFace(
            new Rect2f(face.Box.X / scaleX, face.Box.Y / scaleY, face.Box.Width / scaleX, face.Box.Height / scaleY),
            face.Score,
            [.. face.Landmarks!.Select(p => new Point2f(p.X / scaleX, p.Y / scaleY))]))];
    }

    /// <summary>The faces in the model's input pixels, in the order non-maximum suppression keeps them (best first).</summary>
    List<DetectedFace> Decode(Mat blob)
    {
        using var outputs = _model.Run(blob);
        var candidates = new List<DetectedFace>();
        for (var level = 0; level < Strides.Length; level++)
        {
            var stride = Strides[level];
            var (cols, rows) = (_model.InputWidth / stride, _model.InputHeight / stride);
            var cls = outputs[level].GetTensorDataAsSpan<float>();
            var obj = outputs[level + Strides.Length].GetTensorDataAsSpan<float>();
            var bbox = outputs[level + 2 * Strides.Length].GetTensorDataAsSpan<float>();
            var kps = outputs[level + 3 * Strides.Length].GetTensorDataAsSpan<float>();
            if (cls.Length != rows * cols || bbox.Length != 4 * rows * cols || kps.Length != 10 * rows * cols)
                throw new DataFormatException(_model.Path, null, null,
                    $"output {Outputs[level]} holds {cls.Length} cells where a {_model.InputWidth}×{_model.InputHeight} input at stride {stride} has {rows * cols}");
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < cols; c++)
                {
                    var i = r * cols + c;
                    var score = MathF.Sqrt(Math.Clamp(cls[i], 0f, 1f) * Math.Clamp(obj[i], 0f, 1f));
                    if (score < _options.ScoreThreshold) continue;
                    var (cx, cy) = ((c + bbox[4 * i]) * stride, (r + bbox[4 * i + 1]) * stride);
                    var (w, h) = (MathF.Exp(bbox[4 * i + 2]) * stride, MathF.Exp(bbox[4 * i + 3]) * stride);
                    var landmarks = new Point2f[5];
                    for (var n = 0; n < 5; n++)
                        landmarks[n] = new Point2f((kps[10 * i + 2 * n] + c) * stride, (kps[10 * i + 2 * n + 1] + r) * stride);
                    candidates.Add(new DetectedFace(new Rect2f(cx - w / 2, cy - h / 2, w, h), score, landmarks));
                }
        }
        if (candidates.Count <= 1) return candidates;
        var boxes = candidates.Select(f => new Rect((int)f.Box.X, (int)f.Box.Y, (int)f.Box.Width, (int)f.Box.Height));
        CvDnn.NMSBoxes(boxes, candidates.Select(f => f.Score), _options.ScoreThreshold, _options.NmsThreshold, out var kept, 1f, _options.TopK);
        return [.. kept.Select(i => candidates[i])];
    }

    public void Dispose() => _model.Dispose();
}
