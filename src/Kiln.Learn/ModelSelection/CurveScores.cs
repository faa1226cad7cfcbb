namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Training and validation scores at each point of a learning or validation curve, one per fold
/// (<c>Training[point][fold]</c>), with their means and standard deviations over folds (dividing by the fold count).
/// </summary>
public sealed record CurveScores(double[][] Training, double[][] Validation)
{
    public double[] TrainingMean => [.. Training.Select(CrossValidationResult.Mean)];

    public double[] TrainingStd => [.. Training.Select(CrossValidationResult.StandardDeviation)];

    public double[] ValidationMean => [.. Validation.Select(CrossValidationResult.Mean)];

    public double[] ValidationStd => [.. Validation.Select(CrossValidationResult.StandardDeviation)];

    /// <summary>Cross-validates one estimator per point and gathers the scores; every point × fold runs in parallel.</summary>
    internal static CurveScores Measure(ValidationSetup setup, int points, Func<int, int, FoldScore> evaluate, string stage,
        IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        var folds = setup.Folds.Count;
        var scores = new FoldScore[points * folds];
        var done = 0;
        progress?.Report(new FitProgress(stage, 0, scores.Length));
        Compose.PartsInParallel.Run(scores.Length, setup.Parallelism, cancellationToken, part =>
        {
            var (point, fold) = Math.DivRem(part, folds);
            scores[part] = evaluate(point, fold);
            progress?.Report(new FitProgress(stage, Interlocked.Increment(ref done), scores.Length));
        });
        var scoring = setup.Scoring[0];
        double[][] Take(Func<FoldScore, double> score) =>
            [.. Enumerable.Range(0, points).Select(p => Enumerable.Range(0, folds).Select(f => score(scores[p * folds + f])).ToArray())];
        return new CurveScores(Take(s => s.Train![scoring]), Take(s => s.Test[scoring]));
    }
}
