namespace Kiln.Learn.Training;

/// <summary>How <see cref="ModelComparison"/> holds rows out, cross-validates and scores.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The share of the rows held out to score each model once more after cross-validation.</summary>
    public double TestSize { get; init; } = 0.2;

    public int Folds { get; init; } = 5;

    /// <summary>The scikit-learn scoring name models are ranked by; null ranks classifiers by accuracy and regressors by R².</summary>
    public string? Scoring { get; init; }

    /// <summary>Seed of the held-out split, the folds and every randomised model.</summary>
    public long Seed { get; init; }

    /// <summary>How many folds are fitted at once; by default one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
