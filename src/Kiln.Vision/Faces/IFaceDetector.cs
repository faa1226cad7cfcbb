using OpenCvSharp;

namespace Kiln.Vision.Faces;

/// <summary>Finds faces in a BGR image (grey and BGRA images are accepted too). Detectors are safe to share between threads.</summary>
public interface IFaceDetector : IDisposable
{
    /// <summary>The detector's name as the CLI spells it: <c>haar</c>, <c>yunet</c> or <c>ultraface</c>.</summary>
    string Name { get; }

    /// <summary>The model file in use (the cascade XML for <c>haar</c>).</summary>
    string ModelPath { get; }

    /// <summary>The faces in <paramref name="image"/>, the surest first, with boxes in the image's own pixels.</summary>
    IReadOnlyList<DetectedFace> Detect(Mat image);
}
