using Kiln.Learn.Metrics;

namespace Kiln.Plots;

/// <summary>
/// The charts of a model's evaluation, as scikit-learn's displays draw them: confusion matrix, ROC and
/// precision–recall curves, calibration, actual against predicted, residuals, learning and validation curves, and a
/// comparison of models. Each returns a <see cref="Figure"/> to save as PNG or SVG or put in an <see cref="HtmlReport"/>.
/// </summary>
public static class ModelCharts
{
    const string Reference = "#7f7f7f";

    /// <summary>Counts of true (rows) against predicted (columns) labels; <paramref name="normalized"/> shows each true row's fractions instead.</summary>
    public static Chart ConfusionMatrix(double[,] counts, IReadOnlyList<string> labels, bool normalized = false)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(labels);
        var size = counts.GetLength(0);
        if (counts.GetLength(1) != size || labels.Count != size)
            throw new ArgumentException($"a confusion matrix is square with one label per class: got {counts.GetLength(0)} × {counts.GetLength(1)} counts and {labels.Count} labels", nameof(labels));
        var shown = counts;
        if (normalized)
        {
            shown = new double[size, size];
            for (var r = 0; r < size; r++)
            {
                double total = 0;
                for (var c = 0; c < size; c++) total += counts[r, c];
                for (var c = 0; c < size; c++) shown[r, c] = total == 0 ? 0 : counts[r, c] / total;
            }
        }
        var chart = new Chart(normalized ? "Confusion matrix (fraction of each true class)" : "Confusion matrix")
        {
            XLabel = "predicted", YLabel = "true",
        };
        chart.Heatmap(shown, [.. labels], [.. labels], annotate: size <= 30, Colormap.Viridis,
            minimum: 0, maximum: normalized ? 1 : Math.Max(1, shown.Cast<double>().Max()), valueFormat: normalized ? "0.00" : "0");
        var side = Math.Clamp(160 + 48 * size, 480, 1600);
        (chart.Width, chart.Height) = (side + 120, side);
        return chart;
    }

    /// <summary>ROC curves, one per class or model, each labelled with its area, above the chance diagonal.</summary>
    public static Chart RocCurves(IReadOnlyList<(string Label, RocCurve Curve)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chart = new Chart("ROC curve") { XLabel = "false positive rate", YLabel = "true positive rate" };
        foreach (var (label, curve) in curves)
            chart.Line(curve.FalsePositiveRate, curve.TruePositiveRate, $"{label} (AUC {curve.Area():0.000})");
        return chart.Line([0, 1], [0, 1], "chance", Reference, width: 1, dashed: true);
    }

    /// <summary>Precision against recall, one curve per class or model, each labelled with its average precision.</summary>
    public static Chart PrecisionRecallCurves(IReadOnlyList<(string Label, PrecisionRecallCurve Curve)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chart = new Chart("Precision–recall curve") { XLabel = "recall", YLabel = "precision" };
        foreach (var (label, curve) in curves)
            chart.Line(curve.Recall, curve.Precision, $"{label} (AP {curve.AveragePrecision():0.000})");
        return chart;
    }

    /// <summary>Reliability diagrams: the fraction of positives against the mean predicted probability per bin, beside the perfectly calibrated diagonal.</summary>
    public static Chart Calibration(IReadOnlyList<(string Label, CalibrationCurve Curve)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chart = new Chart("Calibration") { XLabel = "mean predicted probability", YLabel = "fraction of positives" };
        foreach (var (label, curve) in curves)
            chart.Line(curve.MeanPredictedProbability, curve.FractionOfPositives, label, markerSize: 7);
        return chart.Line([0, 1], [0, 1], "perfectly calibrated", Reference, width: 1, dashed: true);
    }

    /// <summary>Each row's prediction against its true value, with the identity line a perfect model would sit on.</summary>
    public static Chart ActualVsPredicted(double[] actual, double[] predicted, string target = "target")
    {
        var (low, high) = Range(actual, predicted);
        return new Chart($"Actual vs predicted {target}") { XLabel = $"actual {target}", YLabel = $"predicted {target}" }
            .Scatter(actual, predicted, markerSize: 4)
            .Line([low, high], [low, high], "perfect prediction", Reference, width: 1, dashed: true);
    }

    /// <summary>Residuals (actual − predicted) against the prediction, around the zero line: a pattern means the model misses structure.</summary>
    public static Chart Residuals(double[] actual, double[] predicted, string target = "target")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Length != predicted.Length)
            throw new ArgumentException($"{actual.Length} actual values but {predicted.Length} predictions; give one prediction per value", nameof(predicted));
        var residuals = new double[actual.Length];
        for (var i = 0; i < residuals.Length; i++) residuals[i] = actual[i] - predicted[i];
        var (low, high) = Range(predicted, predicted);
        return new Chart($"Residuals of {target}") { XLabel = $"predicted {target}", YLabel = "residual (actual − predicted)" }
            .Scatter(predicted, residuals, markerSize: 4)
            .Line([low, high], [0, 0], color: Reference, width: 1, dashed: true);
    }

    /// <summary>Training and validation scores (mean ± one standard deviation over folds) against the number of training rows.</summary>
    public static Chart LearningCurve(double[] trainingRows, ScoreBand training, ScoreBand validation, string score) =>
        ScoreCurves("Learning curve", "training rows", trainingRows, training, validation, score);

    /// <summary>Training and validation scores (mean ± one standard deviation over folds) against one hyperparameter's values, on a log axis when they span decades.</summary>
    public static Chart ValidationCurve(string parameter, double[] values, ScoreBand training, ScoreBand validation, string score)
    {
        ArgumentNullException.ThrowIfNull(values);
        var logarithmic = values.Length > 1 && values.All(v => v > 0) && values.Max() / values.Min() >= 100;
        var xs = logarithmic ? [.. values.Select(Math.Log10)] : values;
        return ScoreCurves($"Validation curve of {parameter}", logarithmic ? $"log10({parameter})" : parameter, xs, training, validation, score);
    }

    /// <summary>Models ranked by a cross-validated score, the best at the top, with whiskers of one standard deviation.</summary>
    public static RankingChart ModelComparison(IReadOnlyList<string> models, IReadOnlyList<double> means, IReadOnlyList<double> standardDeviations, string score) =>
        new("Model comparison", models, means, standardDeviations) { XLabel = score };

    static Chart ScoreCurves(string title, string xLabel, double[] xs, ScoreBand training, ScoreBand validation, string score)
    {
        var chart = new Chart(title) { XLabel = xLabel, YLabel = score };
        foreach (var (band, label, color) in new[] { (training, "training", ChartPalette.Category10[0]), (validation, "validation", ChartPalette.Category10[1]) })
        {
            band.CheckLength(xs.Length, label);
            chart.Band(xs, band.Lower(), band.Upper(), color: color.ToHex());
            chart.Line(xs, band.Mean, $"{label} score", color.ToHex(), markerSize: 6);
        }
        return chart;
    }

    static (double Low, double High) Range(double[] first, double[] second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var finite = first.Concat(second).Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? (0, 1) : (finite.Min(), finite.Max());
    }
}
