using System.Globalization;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Compose;
using Kiln.Learn.Metrics;

namespace Kiln.Plots;

/// <summary>
/// The HTML report of a fitted model scored on a labelled table, as <c>kiln evaluate --report</c> writes it. For a
/// classifier: the classification report, the confusion matrix (counts and fractions), which classes are taken for
/// which, ROC and precision–recall curves per class, calibration for two classes, and the rows the model is surest of,
/// least sure of, and most wrong about. For a regressor: the scores, actual against predicted, the residuals and the
/// largest errors.
/// </summary>
public static class EvaluationReport
{
    const int ExampleRows = 8;
    const int ExampleColumns = 6;
    const int MostCurves = 10;

    public static HtmlReport Build(IModel model, Frame table, string target, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        if (!table.HasColumn(target)) throw new ArgumentException($"the table has no column '{target}' to score against", nameof(target));
        var labelled = table.Filter(table[target].PresentFlags());
        var features = labelled.Drop(target);
        var name = model is PipelineModel pipeline ? pipeline.Steps[^1].Name : model.GetType().Name;
        var report = new HtmlReport($"Evaluation of {name} on {Path.GetFileName(source)}");
        if (labelled.RowCount < table.RowCount)
        {
            var unlabelled = table.RowCount - labelled.RowCount;
            report.Note($"{N(unlabelled)} {(unlabelled == 1 ? "row" : "rows")} without a value of '{target}' {(unlabelled == 1 ? "is" : "are")} left out.");
        }
        switch (model)
        {
            case PipelineModel { Role: EstimatorRole.Classifier } or IClassifierModel and not PipelineModel:
                Classification(report, (IClassifierModel)model, features, labelled[target], source);
                break;
            case PipelineModel { Role: EstimatorRole.Regressor } or IRegressorModel and not PipelineModel:
                Regression(report, (IRegressorModel)model, features, labelled[target], source);
                break;
            default:
                throw new ArgumentException("only classifiers and regressors can be scored against a target");
        }
        return report;
    }

    static void Classification(HtmlReport report, IClassifierModel model, Frame features, Column actual, string source)
    {
        var predicted = model.Predict(features);
        var probabilities = model.PredictProbabilities(features);
        var truth = Texts(actual);
        var guess = Texts(predicted);
        var classes = probabilities.ColumnNames.ToArray();
        var scores = ClassificationScores.Of(actual, predicted, probabilities);
        report.Heading("Scores").KeyValues(
            ("Rows", N(truth.Length)), ("Target", actual.Name), ("Source", source), ("Accuracy", G(scores.Accuracy)),
            ("F1 (macro / weighted)", $"{G(scores.F1Macro)} / {G(scores.F1Weighted)}"),
            ("ROC AUC", scores.RocAuc is { } auc ? G(auc) : classes.Length > 2 ? G(MacroAuc(truth, probabilities)) + " (one-vs-rest, macro)" : "–"),
            ("Log loss", scores.LogLoss is { } loss ? G(loss) : "–"));

        var classification = ClassificationReport.Of<string>(truth, guess, classes);
        report.Heading("Per class").Table(["class", "precision", "recall (accuracy on the class)", "F1", "support"],
            [.. classification.Classes.Select(Row), .. new[] { classification.MacroAverage, classification.WeightedAverage }.Select(Row)],
            classification.Accuracy is { } accuracy ? $"accuracy {G(accuracy)} over {N(truth.Length)} rows" : null);

        var counts = ConfusionMatrix.Of<string>(truth, guess, classes);
        report.Heading("Confusion matrix");
        var grid = new ChartGrid(1, 2) { Width = 1200, Height = Math.Clamp(160 + 48 * classes.Length, 480, 1600) };
        grid[0, 0] = ModelCharts.ConfusionMatrix(counts, classes);
        grid[0, 1] = ModelCharts.ConfusionMatrix(counts, classes, normalized: true);
        report.Chart(grid, "Rows are the true classes, columns the predicted ones; the right shows each true class's rows as fractions");
        ConfusedClasses.Add(report, counts, classes);

        var shown = classes.Length == 2 ? [classes[1]] : classes.Take(MostCurves).ToArray();
        var present = shown.Where(c => truth.Contains(c) && truth.Any(t => t != c)).ToArray();
        if (present.Length > 0)
        {
            report.Heading("ROC and precision–recall curves");
            var pair = new ChartGrid(1, 2) { Width = 1200, Height = 480 };
            pair[0, 0] = ModelCharts.RocCurves([.. present.Select(c => (c, RocCurve.Of<string>(truth, Column(probabilities, c), c)))]);
            pair[0, 1] = ModelCharts.PrecisionRecallCurves([.. present.Select(c => (c, PrecisionRecallCurve.Of<string>(truth, Column(probabilities, c), c)))]);
            report.Chart(pair, classes.Length == 2
                ? $"'{classes[1]}' as the positive class"
                : $"Each class against the rest{(classes.Length > MostCurves ? $" (the first {MostCurves} classes)" : "")}");
            if (classes.Length == 2)
                report.Heading("Calibration").Chart(ModelCharts.Calibration([(classes[1], CalibrationCurve.Of<string>(truth, Column(probabilities, classes[1]), classes[1], bins: 10))]),
                    "Points on the diagonal mean that a predicted probability of p comes true a fraction p of the time");
        }
        Examples(report, features, truth, guess, probabilities);
    }

    /// <summary>The rows the model is surest of and right, least sure of, and surest of but wrong.</summary>
    static void Examples(HtmlReport report, Frame features, string[] truth, string[] guess, Frame probabilities)
    {
        var confidence = new double[truth.Length];
        for (var i = 0; i < confidence.Length; i++)
            confidence[i] = probabilities.Columns.Max(c => c.AsFloat64()[i]);
        var rows = Enumerable.Range(0, truth.Length).ToArray();
        var right = rows.Where(i => truth[i] == guess[i]).OrderByDescending(i => confidence[i]).Take(ExampleRows).ToArray();
        var unsure = rows.OrderBy(i => confidence[i]).Take(ExampleRows).ToArray();
        var wrong = rows.Where(i => truth[i] != guess[i]).OrderByDescending(i => confidence[i]).Take(ExampleRows).ToArray();
        report.Heading("Examples");
        var columns = features.ColumnNames.Take(ExampleColumns).ToArray();
        foreach (var (title, picked) in new[] { ("Most confident and right", right), ("Least confident", unsure), ("Most confident and wrong", wrong) })
        {
            report.Heading(title, 3);
            if (picked.Length == 0)
            {
                report.Paragraph("None.");
                continue;
            }
            report.Table(["row", "true", "predicted", "confidence", .. columns],
                picked.Select(i => (IReadOnlyList<string>)[N(i + 1), truth[i], guess[i], $"{confidence[i]:0.000}", .. columns.Select(c => features[c].Format(i))]));
        }
    }

    static void Regression(HtmlReport report, IRegressorModel model, Frame features, Column actual, string source)
    {
        var predicted = model.Predict(features);
        var scores = RegressionScores.Of(actual, predicted);
        var y = actual.AsFloat64().Values.ToArray();
        var p = predicted.AsFloat64().Values.ToArray();
        report.Heading("Scores").KeyValues(
            ("Rows", N(y.Length)), ("Target", actual.Name), ("Source", source), ("R²", G(scores.R2)),
            ("RMSE", G(scores.RootMeanSquaredError)), ("MAE", G(scores.MeanAbsoluteError)),
            ("Median absolute error", G(RegressionMetrics.MedianAbsoluteError(y, p))));
        var pair = new ChartGrid(1, 2) { Width = 1200, Height = 480 };
        pair[0, 0] = ModelCharts.ActualVsPredicted(y, p, actual.Name);
        pair[0, 1] = ModelCharts.Residuals(y, p, actual.Name);
        report.Heading("Predictions").Chart(pair, "Left: points on the dashed line are exact; right: residuals should scatter evenly around zero");
        var errors = Enumerable.Range(0, y.Length).OrderByDescending(i => Math.Abs(y[i] - p[i])).Take(ExampleRows).ToArray();
        var columns = features.ColumnNames.Take(ExampleColumns).ToArray();
        report.Heading("Largest errors").Table(["row", "actual", "predicted", "error", .. columns],
            errors.Select(i => (IReadOnlyList<string>)[N(i + 1), G(y[i]), G(p[i]), G(p[i] - y[i]), .. columns.Select(c => features[c].Format(i))]));
    }

    static double MacroAuc(string[] truth, Frame probabilities)
    {
        var matrix = new double[truth.Length, probabilities.ColumnCount];
        for (var c = 0; c < probabilities.ColumnCount; c++)
        {
            var values = probabilities[c].AsFloat64().Values;
            for (var i = 0; i < truth.Length; i++) matrix[i, c] = values[i];
        }
        return RocAuc.OneVsRest<string>(truth, matrix, Averaging.Macro, [.. probabilities.ColumnNames]);
    }

    static double[] Column(Frame probabilities, string name) => probabilities[name].AsFloat64().Values.ToArray();

    static IReadOnlyList<string> Row(ReportRow row) => [row.Name, G(row.Precision), G(row.Recall), G(row.F1), N((long)row.Support)];

    static string[] Texts(Column column)
    {
        var texts = new string[column.Length];
        for (var i = 0; i < texts.Length; i++) texts[i] = column.Format(i);
        return texts;
    }

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
