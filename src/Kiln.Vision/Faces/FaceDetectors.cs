namespace Kiln.Vision.Faces;

/// <summary>Creates a face detector by its name, with the settings the three detectors share.</summary>
public static class FaceDetectors
{
    /// <summary>The detectors' names: <c>haar</c>, <c>yunet</c>, <c>ultraface</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["haar", "yunet", "ultraface"];

    /// <summary>
    /// The detector named <paramref name="name"/>. <paramref name="modelPath"/> replaces its default model (the cascade
    /// XML for <c>haar</c>); <paramref name="scoreThreshold"/> replaces its default least score — for <c>haar</c> the
    /// least number of merged detection windows, a whole number; <paramref name="nmsThreshold"/> applies to the
    /// networks only, as the cascade merges its windows by itself.
    /// </summary>
    public static IFaceDetector Create(string name, string? modelPath = null, double? scoreThreshold = null, double? nmsThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        switch (name.ToLowerInvariant())
        {
            case "haar":
                if (nmsThreshold is not null)
                    throw new ArgumentException("the nms threshold applies to yunet and ultraface; the haar cascade merges overlapping windows by itself", nameof(nmsThreshold));
                var haar = new HaarFaceOptions { CascadePath = modelPath };
                if (scoreThreshold is { } neighbours)
                {
                    if (neighbours < 1 || neighbours != Math.Floor(neighbours))
                        throw new ArgumentOutOfRangeException(nameof(scoreThreshold), neighbours,
                            $"a haar score threshold is the least number of merged detection windows, a whole number of at least 1, got {neighbours}");
                    haar = haar with { MinNeighbors = (int)neighbours };
                }
                return new HaarFaceDetector(haar);
            case "yunet":
                return new YuNetFaceDetector(WithThresholds(new YuNetOptions { ModelPath = modelPath }, scoreThreshold, nmsThreshold));
            case "ultraface":
                return new UltraFaceDetector(WithThresholds(new UltraFaceOptions { ModelPath = modelPath }, scoreThreshold, nmsThreshold));
            default:
                throw new ArgumentException($"unknown face detector '{name}'; use {string.Join(", ", Names)}", nameof(name));
        }
    }

    static T WithThresholds<T>(T options, double? scoreThreshold, double? nmsThreshold) where T : NetworkFaceOptions =>
        (T)((NetworkFaceOptions)options with
        {
            ScoreThreshold = scoreThreshold is { } score ? (float)score : options.ScoreThreshold,
            NmsThreshold = nmsThreshold is { } nms ? (float)nms : options.NmsThreshold,
        });
}
