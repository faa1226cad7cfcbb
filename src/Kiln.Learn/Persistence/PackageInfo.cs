namespace Kiln.Learn;

/// <summary>What a model package records besides the model: how well it scored, what it was trained on, the seed.</summary>
public sealed record PackageInfo
{
    /// <summary>Evaluation results by name (<c>accuracy</c>, <c>rmse</c> …).</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }

    /// <summary>The training data's <see cref="DataFingerprint"/>.</summary>
    public string? DataFingerprint { get; init; }

    /// <summary>The seed the model was trained with.</summary>
    public long? Seed { get; init; }
}
