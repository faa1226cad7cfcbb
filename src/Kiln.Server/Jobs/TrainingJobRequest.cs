namespace Kiln.Server.Jobs;

/// <summary>
/// A training job as asked for: the data (one of the user's datasets, or a sample of the catalog), the target column, the
/// task, and what to do — train one algorithm with its hyperparameters, compare models, or tune one algorithm.
/// </summary>
public sealed record TrainingJobRequest
{
    /// <summary>The id of one of the user's uploaded datasets; give this or <see cref="Sample"/>.</summary>
    public string? Dataset { get; init; }

    /// <summary>The name of a sample dataset of the catalog (iris, titanic …); give this or <see cref="Dataset"/>.</summary>
    public string? Sample { get; init; }

    public string Target { get; init; } = "";

    /// <summary>Columns left out of the features (identifiers such as a passenger's id or name); none when left out.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>classification or regression; read from the target column when left out.</summary>
    public string? Task { get; init; }

    public TrainingJobKind Kind { get; init; } = TrainingJobKind.Train;

    /// <summary>The catalog name of the algorithm to train or tune (random-forest-classifier …).</summary>
    public string? Algorithm { get; init; }

    /// <summary>Hyperparameters of <see cref="Algorithm"/> by name, as text; the rest keep their defaults.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>The models a comparison cross-validates; every catalog model of the task when left out.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>How tuning picks candidates: grid, random or bayes.</summary>
    public string Search { get; init; } = "random";

    /// <summary>Candidates a random or Bayesian search tries.</summary>
    public int Trials { get; init; } = 10;

    /// <summary>Cross-validation folds of a comparison or a search.</summary>
    public int Folds { get; init; } = 5;

    public long Seed { get; init; }
}
