using System.Text.Json.Nodes;
using Kiln.Learn.Metrics;

namespace Kiln.Learn.Tests.Metrics;

// Curves and score-based metrics against scikit-learn 1.2.1 on the "scores" cases of metrics-expected.json.
public class CurveTests
{
    public static IEnumerable<TheoryDataRow<string>> BinaryCases => MetricsFixture.Names("scores.binary");

    public static IEnumerable<TheoryDataRow<string>> MulticlassCases => MetricsFixture.Names("scores.multiclass");

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_curves_and_areas_match_scikit_learn(string name)
    {
        var c = MetricsFixture.Case("scores.binary", name);
        if (MetricsFixture.IsText(c["y_true"]!)) CheckBinary<string>(c);
        else CheckBinary<long>(c);
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void Multiclass_probability_scores_match_scikit_learn(string name)
    {
        var c = MetricsFixture.Case("scores.multiclass", name);
        var yTrue = MetricsFixture.Values<long>(c["y_true"]!);
        var probabilities = MetricsFixture.Matrix(c["probabilities"]!);
        var labels = c["labels"] is { } l ? MetricsFixture.Values<long>(l) : null;
        double[] weights = c["weights"] is { } w ? MetricsFixture.Doubles(w) : [];
        MetricsFixture.Close(c["log_loss"]!.GetValue<double>(), ClassificationMetrics.LogLoss<long>(yTrue, probabilities, labels, weights), "log loss");
        foreach (var k in (int[])[1, 2])
            MetricsFixture.Close(c[$"top_{k}"]!.GetValue<double>(), ClassificationMetrics.TopKAccuracy<long>(yTrue, probabilities, k, labels, weights), $"top-{k}");
        if (labels is not null) return;
        MetricsFixture.Close(c["roc_auc_ovr_macro"]!.GetValue<double>(), RocAuc.OneVsRest<long>(yTrue, probabilities, Averaging.Macro, sampleWeight: weights), "ovr macro");
        MetricsFixture.Close(c["roc_auc_ovr_weighted"]!.GetValue<double>(), RocAuc.OneVsRest<long>(yTrue, probabilities, Averaging.Weighted, sampleWeight: weights), "ovr weighted");
        MetricsFixture.Close(c["roc_auc_ovr_none"]!, RocAuc.PerClass<long>(yTrue, probabilities, sampleWeight: weights), "ovr per class");
        if (c["roc_auc_ovo_macro"] is { } ovo)
            MetricsFixture.Close(ovo.GetValue<double>(), RocAuc.OneVsOne<long>(yTrue, probabilities), "ovo macro");
    }

    static void CheckBinary<T>(JsonObject c) where T : notnull
    {
        var yTrue = MetricsFixture.Values<T>(c["y_true"]!);
        var scores = MetricsFixture.Doubles(c["y_score"]!);
        var positive = c["positive"]!.GetValue<T>();
        double[] weights = c["weights"] is { } w ? MetricsFixture.Doubles(w) : [];
        foreach (var (key, drop) in (ReadOnlySpan<(string, bool)>)[("roc", true), ("roc_all", false)])
        {
            var roc = RocCurve.Of<T>(yTrue, scores, positive, weights, drop);
            MetricsFixture.Close(c[key]!["fpr"]!, roc.FalsePositiveRate, $"{key} fpr");
            MetricsFixture.Close(c[key]!["tpr"]!, roc.TruePositiveRate, $"{key} tpr");
            MetricsFixture.Close(c[key]!["thresholds"]!, roc.Thresholds, $"{key} thresholds");
        }
        var pr = PrecisionRecallCurve.Of<T>(yTrue, scores, positive, weights);
        MetricsFixture.Close(c["pr"]!["precision"]!, pr.Precision, "precision");
        MetricsFixture.Close(c["pr"]!["recall"]!, pr.Recall, "recall");
        MetricsFixture.Close(c["pr"]!["thresholds"]!, pr.Thresholds, "pr thresholds");
        MetricsFixture.Close(c["roc_auc"]!.GetValue<double>(), RocAuc.Binary<T>(yTrue, scores, positive, weights), "ROC AUC");
        MetricsFixture.Close(c["average_precision"]!.GetValue<double>(), PrecisionRecallCurve.AveragePrecision<T>(yTrue, scores, positive, weights), "average precision");
        MetricsFixture.Close(c["brier"]!.GetValue<double>(),
            ClassificationMetrics.BrierScore<T>(yTrue, MetricsFixture.Doubles(c["probability"]!), positive, weights), "Brier");
        foreach (var (key, bins, quantile) in (ReadOnlySpan<(string, int, bool)>)[("calibration_uniform_5", 5, false), ("calibration_quantile_4", 4, true)])
        {
            var calibration = CalibrationCurve.Of<T>(yTrue, MetricsFixture.Doubles(c["probability"]!), positive, bins, quantile);
            MetricsFixture.Close(c[key]!["fraction"]!, calibration.FractionOfPositives, $"{key} fraction of positives");
            MetricsFixture.Close(c[key]!["mean"]!, calibration.MeanPredictedProbability, $"{key} mean probability");
        }
    }
}
