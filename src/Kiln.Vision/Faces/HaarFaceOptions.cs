namespace Kiln.Vision.Faces;

/// <summary>How <see cref="HaarFaceDetector"/> searches: OpenCV's <c>detectMultiScale</c> settings.</summary>
public sealed record HaarFaceOptions
{
    /// <summary>The cascade XML; null takes <see cref="HaarFaceDetector.DefaultCascade"/> from the shared models folder or Debian's opencv-data.</summary>
    public string? CascadePath { get; init; }

    /// <summary>How much the search window grows between scales; closer to 1 finds more faces, more slowly.</summary>
    public double ScaleFactor { get; init; } = 1.1;

    /// <summary>
    /// How many overlapping detection windows a face needs to be kept — the cascade's score threshold, as each face's
    /// score is the number of windows merged into it.
    /// </summary>
    public int MinNeighbors { get; init; } = 5;

    /// <summary>The smallest face searched for, in pixels on a side.</summary>
    public int MinFaceSize { get; init; } = 30;

    /// <summary>Spread the grey levels (OpenCV's face detection tutorial does) before searching, for faces in flat light.</summary>
    public bool EqualizeHistogram { get; init; } = true;

    internal void Check()
    {
        if (!(ScaleFactor > 1) || !double.IsFinite(ScaleFactor))
            throw new ArgumentOutOfRangeException(nameof(ScaleFactor), ScaleFactor, $"{nameof(ScaleFactor)} must be above 1, got {ScaleFactor}");
        Vision.Check.AtLeast(MinNeighbors, 1, nameof(MinNeighbors));
        Vision.Check.AtLeast(MinFaceSize, 1, nameof(MinFaceSize));
    }
}
