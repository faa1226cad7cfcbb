using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// What a <see cref="ParameterSearch"/> found: every candidate with its scores and rank, the best one, the estimator
/// with its parameters and, when refitted, its model fitted on all the rows.
/// </summary>
public sealed record SearchResult(string Method, IReadOnlyList<string> Scoring, int FoldCount, IReadOnlyList<SearchCandidate> Candidates,
    SearchCandidate Best, IEstimator BestEstimator, IModel? BestModel, double RefitSeconds, double Seconds)
{
    public IReadOnlyDictionary<string, object?> BestParameters => Best.Parameters;

    /// <summary>The best candidate's mean cross-validated score by the first scoring.</summary>
    public double BestScore => Best.MeanTestScore;

    public int PrunedCount => Candidates.Count(c => c.Pruned);

    /// <summary>
    /// The results as one row per candidate, in the order tried, with scikit-learn's cv_results_ columns: param_NAME,
    /// mean_test_S, std_test_S, rank_test_S, splitK_test_S (and the train ones when computed), mean_fit_time,
    /// std_fit_time, mean_score_time, plus pruned and the folds scored. S is "score" for one scoring, else its name.
    /// </summary>
    public Frame Table()
    {
        var columns = new List<Column>();
        foreach (var name in Candidates.SelectMany(c => c.Parameters.Keys).Distinct(StringComparer.Ordinal))
            columns.Add(ParameterColumn($"param_{name}", [.. Candidates.Select(c => c.Parameters.GetValueOrDefault(name))]));
        columns.Add(new StringColumn("params", [.. Candidates.Select(c => SearchSpace.Describe(c.Parameters))]));
        foreach (var scoring in Scoring)
        {
            var suffix = Scoring.Count == 1 ? "score" : scoring;
            for (var fold = 0; fold < FoldCount; fold++)
                columns.Add(Numbers($"split{fold}_test_{suffix}", c => c.Scores.Folds.Count > fold ? c.Scores.Folds[fold].Test[scoring] : double.NaN));
            columns.Add(Numbers($"mean_test_{suffix}", c => c.Scores.MeanTestScore(scoring)));
            columns.Add(Numbers($"std_test_{suffix}", c => c.Scores.StdTestScore(scoring)));
            if (scoring == Scoring[0]) columns.Add(new Int64Column($"rank_test_{suffix}", [.. Candidates.Select(c => (long)c.Rank)]));
            if (Candidates.All(c => c.Scores.HasTrainScores))
            {
                columns.Add(Numbers($"mean_train_{suffix}", c => c.Scores.MeanTrainScore(scoring)));
                columns.Add(Numbers($"std_train_{suffix}", c => c.Scores.StdTrainScore(scoring)));
            }
        }
        columns.Add(Numbers("mean_fit_time", c => c.Scores.MeanFitSeconds));
        columns.Add(Numbers("std_fit_time", c => c.Scores.StdFitSeconds));
        columns.Add(Numbers("mean_score_time", c => c.Scores.MeanScoreSeconds));
        columns.Add(new BoolColumn("pruned", [.. Candidates.Select(c => c.Pruned)]));
        columns.Add(new Int64Column("folds_scored", [.. Candidates.Select(c => (long)c.Scores.Folds.Count)]));
        return new Frame(columns);
    }

    Float64Column Numbers(string name, Func<SearchCandidate, double> value) => new(name, [.. Candidates.Select(value)]);

    /// <summary>Numbers when every value is one (whole numbers as int64), text otherwise.</summary>
    static Column ParameterColumn(string name, object?[] values)
    {
        if (values.All(v => v is int or long)) return new Int64Column(name, [.. values.Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))]);
        if (values.All(v => v is int or long or double or float))
            return new Float64Column(name, [.. values.Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))]);
        return new StringColumn(name, [.. values.Select(SearchSpace.Format)]);
    }
}
