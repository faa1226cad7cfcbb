namespace Kiln.Vision.Faces;

/// <summary>
/// How <see cref="UltraFaceDetector"/> keeps faces; the defaults are those of the model's reference video demo (face
/// probability above 0.7, overlap 0.3, the best 200 candidates). A null model path takes <see cref="UltraFaceDetector.DefaultModel"/>.
/// </summary>
public sealed record UltraFaceOptions : NetworkFaceOptions
{
    public UltraFaceOptions() => ScoreThreshold = 0.7f;

    /// <summary>Only this many of the best-scored boxes go through non-maximum suppression.</summary>
    public int CandidateCount { get; init; } = 200;

    internal override void Check()
    {
        base.Check();
        Vision.Check.AtLeast(CandidateCount, 1, nameof(CandidateCount));
    }
}
