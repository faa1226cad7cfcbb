namespace Kiln.Learn.ModelSelection;

/// <summary>A validation curve: one hyperparameter's values and the training and validation scores at each, by <see cref="Scoring"/>.</summary>
public sealed record ValidationCurveResult(string Parameter, IReadOnlyList<object?> Values, string Scoring, CurveScores Scores)
{
    /// <summary>The value with the best mean validation score (the first of equals).</summary>
    public object? BestValue => Values[BestIndex];

    public int BestIndex
    {
        get
        {
            var means = Scores.ValidationMean;
            var best = 0;
            for (var i = 1; i < means.Length; i++) if (means[i] > means[best]) best = i;
            return best;
        }
    }
}
