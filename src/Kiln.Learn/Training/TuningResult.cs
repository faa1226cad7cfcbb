using System.Globalization;
using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Training;

/// <summary>
/// What tuning found: the search, the default model's cross-validated score on the same folds, both models' scores on
/// the held-out rows, and the tuned model fitted on the training rows. <see cref="Verdict"/> says in one line whether
/// tuning helped, judged against the spread of the scores over folds.
/// </summary>
public sealed record TuningResult(SearchResult Search, CrossValidationResult Baseline, HeldOutScore Before, HeldOutScore After,
    IModel TunedModel, int TrainRows, Frame TestFeatures)
{
    /// <summary>The cross-validated gain of the best candidate over the defaults.</summary>
    public double Gain => Search.BestScore - Baseline.MeanTestScore();

    /// <summary>The fold-to-fold spread the gain is judged against: the larger standard deviation of the two.</summary>
    public double Noise => Math.Max(Baseline.StdTestScore(), Search.Best.StdTestScore);

    public bool Improved => Gain > Noise;

    public string Verdict
    {
        get
        {
            var scoring = Search.Scoring[0];
            var cv = $"cross-validated {scoring} {F(Baseline.MeanTestScore())} ± {F(Baseline.StdTestScore())} with the defaults, " +
                $"{F(Search.BestScore)} ± {F(Search.Best.StdTestScore)} tuned";
            var change = After.Score - Before.Score;
            // the folds' spread is the spread of scores on test sets of about the held-out size, so it measures the held-out noise too
            var heldOut = $"held-out {scoring} {F(Before.Score)} → {F(After.Score)} on {TestFeatures.RowCount:N0} rows" +
                (Math.Abs(change) <= Noise ? ", a change within the fold-to-fold spread" : change > 0 ? ", a real gain" : ", a real loss");
            if (Improved) return $"tuning helped: {cv} (+{F(Gain)}, more than the fold-to-fold spread of {F(Noise)}); {heldOut}";
            if (Gain > 0)
                return $"no clear improvement: {cv}; the gain of {(Gain < 0.00005 ? "less than 0.0001" : F(Gain))} is within the fold-to-fold spread of {F(Noise)}; {heldOut}";
            return $"no improvement: {cv}; the defaults are as good as anything tried; {heldOut}";
        }
    }

    static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
