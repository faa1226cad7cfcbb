namespace Kiln.Vision.Faces;

/// <summary>What the neural detectors' settings share: the model file and the score and overlap thresholds.</summary>
public abstract record NetworkFaceOptions
{
    /// <summary>The ONNX file; null takes the detector's default model from the shared models folder or Kiln's cache.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The least score (0–1) a face needs.</summary>
    public float ScoreThreshold { get; init; }

    /// <summary>Of two boxes overlapping by more than this intersection over union, the lower-scored one is dropped.</summary>
    public float NmsThreshold { get; init; } = 0.3f;

    internal virtual void Check()
    {
        Vision.Check.InRange(ScoreThreshold, 0, 1, nameof(ScoreThreshold));
        Vision.Check.InRange(NmsThreshold, 0, 1, nameof(NmsThreshold));
    }
}
