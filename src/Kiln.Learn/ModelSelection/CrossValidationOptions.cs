using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>How cross-validation splits and scores (scikit-learn's cv, scoring, groups, return_train_score and n_jobs).</summary>
public sealed record CrossValidationOptions
{
    /// <summary>The folds; null gives 5 folds, stratified for classifiers and consecutive otherwise, as scikit-learn's cv=5.</summary>
    public ICrossValidator? Splitter { get; init; }

    /// <summary>
    /// scikit-learn scoring names (<see cref="Metrics.Scorers"/>); the first ranks candidates in a search. Null scores
    /// classifiers by accuracy and regressors by R².
    /// </summary>
    public IReadOnlyList<string>? Scoring { get; init; }

    /// <summary>Also score each fold's model on its own training rows (costly; shows over-fitting).</summary>
    public bool TrainScores { get; init; }

    /// <summary>The group of each row, for group splitters.</summary>
    public Column? Groups { get; init; }

    /// <summary>How many fits run at once; by default one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
