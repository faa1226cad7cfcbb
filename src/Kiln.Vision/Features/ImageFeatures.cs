using OpenCvSharp;

namespace Kiln.Vision.Features;

/// <summary>The keypoints found in an image and their descriptors (one row per keypoint), with the method that made them.</summary>
public sealed record ImageFeatures(KeypointMethod Method, IReadOnlyList<KeyPoint> Keypoints, Mat Descriptors) : IDisposable
{
    /// <summary>Detects up to <paramref name="maxFeatures"/> keypoints (ORB's limit; SIFT keeps the strongest that many) and describes them.</summary>
    public static ImageFeatures Detect(Mat image, KeypointMethod method = KeypointMethod.Orb, int maxFeatures = 1000)
    {
        Check.NotEmpty(image);
        if (maxFeatures < 1) throw new ArgumentOutOfRangeException(nameof(maxFeatures), maxFeatures, $"maxFeatures must be at least 1, got {maxFeatures}");
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        using Feature2D detector = method switch
        {
            KeypointMethod.Orb => ORB.Create(maxFeatures),
            KeypointMethod.Sift => OpenCvSharp.Features2D.SIFT.Create(maxFeatures),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown keypoint method"),
        };
        var descriptors = new Mat();
        detector.DetectAndCompute(gray, null, out var keypoints, descriptors);
        return new ImageFeatures(method, keypoints, descriptors);
    }

    public void Dispose() => Descriptors.Dispose();
}
