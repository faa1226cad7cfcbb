using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Training and validation scores against the number of training rows (scikit-learn's learning_curve): for each fold
/// and size, the estimator is fitted on the first rows of the fold's training part and scored on those rows and on the
/// whole test part. Sizes are fractions of the first fold's training rows, as scikit-learn computes them.
/// </summary>
public static class LearningCurve
{
    public static LearningCurveResult Compute(IEstimator estimator, Frame features, Column target, LearningCurveOptions? curve = null,
        CrossValidationOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        curve ??= new LearningCurveOptions();
        var setup = ValidationSetup.Create(estimator, features, target, (options ?? new CrossValidationOptions()) with { TrainScores = true });
        var sizes = Sizes(curve.TrainSizes, setup.Folds[0].Train.Length);
        var random = new Random(unchecked((int)(curve.Seed ^ (curve.Seed >> 32))));
        var order = setup.Folds.Select(fold =>
        {
            var rows = (int[])fold.Train.Clone();
            if (curve.Shuffle) random.Shuffle(rows);
            return rows;
        }).ToArray();
        foreach (var (fold, at) in setup.Folds.Select((f, i) => (f, i)))
            if (fold.Train.Length < sizes[^1])
                throw new ArgumentException($"fold {at} trains on {fold.Train.Length} rows, fewer than the largest size asked for ({sizes[^1]})", nameof(curve));
        var scores = CurveScores.Measure(setup, sizes.Length,
            (point, fold) => setup.Evaluate(estimator, fold, order[fold][..sizes[point]], cancellationToken), "learning curve", progress, cancellationToken);
        return new LearningCurveResult(sizes, setup.Scoring[0], scores);
    }

    /// <summary>Row counts from fractions (of <paramref name="largest"/>, floored) or counts, ascending and each once.</summary>
    static int[] Sizes(IReadOnlyList<double> requested, int largest)
    {
        if (requested.Count == 0) throw new ArgumentException("a learning curve needs at least one training size", nameof(requested));
        var sizes = new SortedSet<int>();
        foreach (var size in requested)
        {
            if (!(size > 0) || double.IsInfinity(size))
                throw new ArgumentOutOfRangeException(nameof(requested), size, "training sizes are fractions in (0, 1] or row counts above 1");
            if (size > 1 && size != Math.Floor(size))
                throw new ArgumentOutOfRangeException(nameof(requested), size, "a training size above 1 is a row count, so it must be whole");
            sizes.Add(Math.Max(1, size <= 1 ? (int)(size * largest) : (int)size));
        }
        return [.. sizes];
    }
}
