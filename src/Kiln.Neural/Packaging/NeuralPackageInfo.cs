namespace Kiln.Neural.Packaging;

/// <summary>What a neural-network package records besides the network: class labels, input preprocessing, scores, data and seed.</summary>
public sealed record NeuralPackageInfo
{
    /// <summary>The label of each output unit, in order, when the network classifies.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    public ImagePreprocessing? Preprocessing { get; init; }

    /// <summary>Evaluation results by name (test_accuracy, test_loss …).</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    /// <summary>The training data's fingerprint.</summary>
    public string? DataFingerprint { get; init; }

    /// <summary>The seed the network was initialised and trained with.</summary>
    public long? Seed { get; init; }
}
