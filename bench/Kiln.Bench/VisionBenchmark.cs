using System.Globalization;
using Kiln.Vision;
using Kiln.Vision.Documents;
using Kiln.Vision.Faces;
using OpenCvSharp;
using static Kiln.Bench.Timing;

namespace Kiln.Bench;

/// <summary>
/// Kiln's side of bench/vision-vs-opencv.sh, per 640×480 frame: Haar face detection and the document scanner (as
/// bench/vision_opencv.py does them), then YuNet and UltraFace through ONNX Runtime, and YuNet through OpenCV's own
/// DNN engine (FaceDetectorYN) for reference. Prints "name.frame seconds" (best of several runs of
/// <c>repeat</c> frames, divided by <c>repeat</c>) and what each found.
/// </summary>
public static class VisionBenchmark
{
    public static void Run(string frames, int runs, string models, int repeat)
    {
        using var facesFrame = ImageFile.Read(Path.Combine(frames, "faces-640x480.png"));
        using var receiptFrame = ImageFile.Read(Path.Combine(frames, "receipt-640x480.png"));

        using (var haar = new HaarFaceDetector(new HaarFaceOptions { CascadePath = Path.Combine(models, "haarcascades", "haarcascade_frontalface_default.xml") }))
            Report("haar.faces", PerFrame("haar", () => haar.Detect(facesFrame), runs, repeat).Count);

        var page = PerFrame("scan", () => DocumentScanner.Scan(receiptFrame), runs, repeat);
        Console.WriteLine(page is null ? "scan.corners none" : "scan.corners " + string.Join(" ", page.Corners.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0},{p.Y:0}"))));
        page?.Dispose();

        var yunetModel = Path.Combine(models, "face-detection", "yunet_s_640_640.onnx");
        using (var yunet = new YuNetFaceDetector(new YuNetOptions { ModelPath = yunetModel }))
            Report("yunet.faces", PerFrame("yunet", () => yunet.Detect(facesFrame), runs, repeat).Count);
        using (var ultraFace = new UltraFaceDetector(new UltraFaceOptions { ModelPath = Path.Combine(models, "face-detection", "ultraface-version-RFB-320.onnx") }))
            Report("ultraface.faces", PerFrame("ultraface", () => ultraFace.Detect(facesFrame), runs, repeat).Count);

        // OpenCV's engine takes the frame at its own size (no padding to 640×640), as FaceDetectorYN is meant to be used.
        using var reference = FaceDetectorYN.Create(yunetModel, "", facesFrame.Size(), 0.9f, 0.3f, 5000);
        using var found = new Mat();
        PerFrame("yunet-opencv-dnn", () => reference.Detect(facesFrame, found), runs, repeat);
        Report("yunet-opencv-dnn.faces", found.Rows);
    }

    static T PerFrame<T>(string name, Func<T> detect, int runs, int repeat)
    {
        var result = default(T)!;
        var seconds = Best(runs, () =>
        {
            for (var i = 0; i < repeat; i++)
            {
                if (result is IDisposable disposable) disposable.Dispose();
                result = detect();
            }
        });
        Report($"{name}.frame", seconds / repeat);
        return result;
    }
}
