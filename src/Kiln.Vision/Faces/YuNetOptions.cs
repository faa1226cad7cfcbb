namespace Kiln.Vision.Faces;

/// <summary>
/// How <see cref="YuNetFaceDetector"/> keeps faces; the defaults are OpenCV's <c>FaceDetectorYN</c>'s (score 0.9,
/// overlap 0.3, 5000 candidates). Its score is √(class × objectness). A null model path takes <see cref="YuNetFaceDetector.DefaultModel"/>.
/// </summary>
public sealed record YuNetOptions : NetworkFaceOptions
{
    public YuNetOptions() => ScoreThreshold = 0.9f;

    /// <summary>At most this many of the best-scored candidates go through non-maximum suppression.</summary>
    public int TopK { get; init; } = 5000;

    internal override void Check()
    {
        base.Check();
        Vision.Check.AtLeast(TopK, 1, nameof(TopK));
    }
}
