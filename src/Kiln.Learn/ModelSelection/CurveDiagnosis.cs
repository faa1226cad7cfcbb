using System.Globalization;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// A one-line reading of a learning curve, from its numbers at the largest training size: the gap between training
/// and validation score, whether the validation score still rose over the last step, and (for scores on a 0–1 scale
/// such as accuracy or R²) how high the training score is. Error scores (neg_…) are judged relative to their size.
/// </summary>
public sealed record CurveDiagnosis(FitVerdict Verdict, string Sentence)
{
    /// <summary>A gap between training and validation score above this share of the scale is over-fitting.</summary>
    public const double LargeGap = 0.1;

    /// <summary>A rise of the validation score over the last step above this share of the scale means more rows still help.</summary>
    public const double StillRising = 0.01;

    /// <summary>On a 0–1 scale, a training score below this with a small gap is under-fitting.</summary>
    public const double LowScore = 0.85;

    public static CurveDiagnosis Of(LearningCurveResult curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var (training, validation) = (curve.Scores.TrainingMean, curve.Scores.ValidationMean);
        var last = training.Length - 1;
        var (t, v) = (training[last], validation[last]);
        var bounded = !curve.Scoring.StartsWith("neg_", StringComparison.Ordinal) && curve.Scoring != "max_error";
        var scale = bounded ? 1 : Math.Max(Math.Max(Math.Abs(t), Math.Abs(v)), 1e-12);
        var gap = (t - v) / scale;
        var rise = last > 0 ? (v - validation[last - 1]) / scale : 0;
        var rising = rise > StillRising;
        var numbers = $"training {curve.Scoring} {F(t)}, validation {F(v)} at {curve.TrainSizes[last]:N0} rows";
        var risingText = last > 0 ? $"; validation rose by {F(v - validation[last - 1])} over the last {curve.TrainSizes[last] - curve.TrainSizes[last - 1]:N0} rows" : "";
        if (gap > LargeGap)
            return rising
                ? new(FitVerdict.MoreDataWouldHelp, $"over-fitting, but more data would help: {numbers}{risingText} and is still rising (a simpler or more regularised model would also narrow the gap)")
                : new(FitVerdict.OverFitting, $"over-fitting: {numbers}; the gap of {F(t - v)} is not closing with more rows, so a simpler or more regularised model (or more varied data) would help");
        if (rising)
            return new(FitVerdict.MoreDataWouldHelp, $"more data would help: {numbers}{risingText}");
        if (bounded && t < LowScore)
            return new(FitVerdict.UnderFitting, $"under-fitting: {numbers}; both are low and close, so more rows will not help — a more flexible model or better features would");
        return new(FitVerdict.GoodFit, $"a good fit: {numbers}; the scores are close and no longer rising with more rows");
    }

    static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
