using Kiln.Data;
using OpenCvSharp;

namespace Kiln.Vision.Faces;

/// <summary>
/// Viola–Jones face detection with an OpenCV Haar (or LBP) cascade, as OpenCV's <c>detectMultiScale</c> does it: the raw
/// detection windows are grouped with <c>groupRectangles</c> (relative tolerance 0.2), and each face's score is the
/// number of windows grouped into it (<c>detectMultiScale2</c>'s <c>numDetections</c>).
/// </summary>
public sealed class HaarFaceDetector : IFaceDetector
{
    /// <summary>The frontal-face cascade, relative to the shared folder.</summary>
    public const string DefaultCascade = "models/haarcascades/haarcascade_frontalface_default.xml";

    /// <summary>Where Debian's opencv-data package puts the same cascade.</summary>
    public static IReadOnlyList<string> SystemCascades { get; } =
    [
        "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
        "/usr/share/opencv/haarcascades/haarcascade_frontalface_default.xml",
    ];

    const double GroupTolerance = 0.2;

    readonly CascadeClassifier _cascade;
    readonly HaarFaceOptions _options;
    // A cascade keeps per-search scratch state, so one search runs at a time.
    readonly Lock _searching = new();

    public HaarFaceDetector(HaarFaceOptions? options = null)
    {
        _options = options ?? new HaarFaceOptions();
        _options.Check();
        ModelPath = ModelFiles.Resolve(_options.CascadePath, DefaultCascade, "Haar cascade", [.. SystemCascades]);
        _cascade = new CascadeClassifier();
        bool loaded;
        try
        {
            loaded = _cascade.Load(ModelPath) && !_cascade.Empty();
        }
        catch (OpenCVException)
        {
            loaded = false;
        }
        if (!loaded)
        {
            _cascade.Dispose();
            throw new DataFormatException(ModelPath, null, null, "not an OpenCV cascade classifier (Haar or LBP XML)");
        }
    }

    public string Name => "haar";

    /// <summary>The cascade file in use.</summary>
    public string ModelPath { get; }

    public IReadOnlyList<DetectedFace> Detect(Mat image)
    {
        using var bgr = FaceImage.ToBgr(image);
        using var gray = Colors.Convert(bgr ?? image, ColorSpace.Gray);
        if (_options.EqualizeHistogram) Cv2.EqualizeHist(gray, gray);
        Rect[] windows;
        lock (_searching)
            windows = _cascade.DetectMultiScale(gray, _options.ScaleFactor, minNeighbors: 0, HaarDetectionTypes.ScaleImage,
                new Size(_options.MinFaceSize, _options.MinFaceSize));
        var grouped = windows.ToList();
        Cv2.GroupRectangles(grouped, out int[] neighbours, _options.MinNeighbors, GroupTolerance);
        return [.. grouped.Select((box, i) => new DetectedFace(new Rect2f(box.X, box.Y, box.Width, box.Height), neighbours[i]))
            .OrderByDescending(face => face.Score)];
    }

    public void Dispose() => _cascade.Dispose();
}
