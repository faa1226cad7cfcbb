using Kiln.Data;
using Kiln.Learn.Compose;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Cross-validation of any estimator or pipeline (scikit-learn's cross_validate): a fresh fit on each fold's training
/// rows, preprocessing and all, scored on the fold's test rows by one or more scorers, the folds fitted in parallel.
/// The folds come from a seeded splitter and each fit is deterministic, so the scores do not depend on which fold
/// finishes first.
/// </summary>
public static class CrossValidation
{
    public static CrossValidationResult Run(IEstimator estimator, Frame features, Column target, CrossValidationOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var setup = ValidationSetup.Create(estimator, features, target, options);
        var folds = new FoldScore[setup.Folds.Count];
        var done = 0;
        progress?.Report(new FitProgress("folds", 0, folds.Length));
        PartsInParallel.Run(folds.Length, setup.Parallelism, cancellationToken, fold =>
        {
            folds[fold] = setup.Evaluate(estimator, fold, cancellationToken);
            progress?.Report(new FitProgress("folds", Interlocked.Increment(ref done), folds.Length));
        });
        return new CrossValidationResult(setup.Scoring, folds);
    }
}
