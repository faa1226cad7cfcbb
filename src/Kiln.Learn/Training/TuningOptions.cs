namespace Kiln.Learn.Training;

/// <summary>How <see cref="ModelTuning.Tune"/> holds rows out and cross-validates.</summary>
public sealed record TuningOptions
{
    /// <summary>The share of the rows held out to compare the tuned model with the default one; never searched on.</summary>
    public double TestSize { get; init; } = 0.2;

    /// <summary>Folds of the cross-validation inside the search (stratified for classifiers, shuffled).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>The scikit-learn scoring name the search ranks by; null: accuracy for classifiers, R² for regressors.</summary>
    public string? Scoring { get; init; }

    /// <summary>Seeds the held-out split and the folds.</summary>
    public long Seed { get; init; }

    /// <summary>How many fits run at once; by default one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
