namespace Kiln.Learn.ModelSelection;

/// <summary>
/// The scores of one estimator over the folds of a cross-validation (scikit-learn's cross_validate). Means and standard
/// deviations are over folds; the deviation divides by the number of folds, as NumPy's std does. Methods taking a
/// scoring name default to the first.
/// </summary>
public sealed record CrossValidationResult(IReadOnlyList<string> Scoring, IReadOnlyList<FoldScore> Folds)
{
    /// <summary>The score on each fold's test rows.</summary>
    public double[] TestScores(string? scoring = null)
    {
        var name = Name(scoring);
        return [.. Folds.Select(f => f.Test[name])];
    }

    /// <summary>The score on each fold's training rows; an error when training scores were not asked for.</summary>
    public double[] TrainScores(string? scoring = null)
    {
        var name = Name(scoring);
        return [.. Folds.Select(f => (f.Train ?? throw new InvalidOperationException("training scores were not computed; ask for them with TrainScores = true"))[name])];
    }

    public bool HasTrainScores => Folds.Count > 0 && Folds.All(f => f.Train is not null);

    public double MeanTestScore(string? scoring = null) => Mean(TestScores(scoring));

    public double StdTestScore(string? scoring = null) => StandardDeviation(TestScores(scoring));

    public double MeanTrainScore(string? scoring = null) => Mean(TrainScores(scoring));

    public double StdTrainScore(string? scoring = null) => StandardDeviation(TrainScores(scoring));

    public double MeanFitSeconds => Mean([.. Folds.Select(f => f.FitSeconds)]);

    public double StdFitSeconds => StandardDeviation([.. Folds.Select(f => f.FitSeconds)]);

    public double MeanScoreSeconds => Mean([.. Folds.Select(f => f.ScoreSeconds)]);

    /// <summary>The mean of the values (NaN for none).</summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var total = 0.0;
        foreach (var v in values) total += v;
        return total / values.Count;
    }

    /// <summary>The standard deviation dividing by the count (NumPy's default), NaN for none.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        var mean = Mean(values);
        var total = 0.0;
        foreach (var v in values) total += (v - mean) * (v - mean);
        return values.Count == 0 ? double.NaN : Math.Sqrt(total / values.Count);
    }

    string Name(string? scoring)
    {
        if (scoring is null) return Scoring[0];
        return Scoring.Contains(scoring) ? scoring
            : throw new ArgumentException($"'{scoring}' was not scored; the scores are {string.Join(", ", Scoring)}", nameof(scoring));
    }
}
