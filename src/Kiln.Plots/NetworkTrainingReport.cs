using System.Globalization;
using Kiln.Learn.Metrics;

namespace Kiln.Plots;

/// <summary>
/// The report of a neural-network training run, written into one folder: <c>report.html</c> (self-contained, charts
/// inline) and each chart as PNG and SVG — loss and accuracy curves for training and validation (and the learning rate
/// per epoch when it changed), the test confusion
/// matrix with the classes most often confused, per-class test accuracy, precision and F1, ROC and precision–recall
/// curves per class (when the test probabilities are given), and galleries of right,
/// wrong and least confident test predictions with their confidence.
/// </summary>
public static class NetworkTrainingReport
{
    const int MostCurves = 10;

    /// <summary>Writes the report and its charts into <paramref name="folder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(NetworkTrainingResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var report = new HtmlReport(result.Title);
        report.Heading("Run").KeyValues([.. result.Facts]);
        report.Heading("Test metrics").KeyValues([.. result.TestMetrics.Select(m => (m.Key, F(m.Value)))]);

        report.Heading("Training curves");
        foreach (var measure in new[] { "loss", "accuracy" })
        {
            if (!result.Epochs.Any(e => e.ContainsKey(measure))) continue;
            var chart = Curves(result, measure);
            report.Chart(chart, $"{measure} per epoch on the training rows and, when held out, the validation rows");
            files.AddRange(Save(chart, folder, measure));
        }
        // a schedule or a callback that lowers the rate shows here; a constant rate would only repeat the optimizer's setting
        if (result.Epochs.Select(e => e.GetValueOrDefault("learning_rate", double.NaN)).Where(double.IsFinite).Distinct().Count() > 1)
        {
            var chart = Curves(result, "learning_rate");
            report.Chart(chart, "The learning rate of each epoch, as the optimizer's schedule or a callback set it");
            files.AddRange(Save(chart, folder, "learning-rate"));
        }

        report.Heading("Confusion matrix (test)");
        var confusion = ConfusionChart(result);
        report.Chart(confusion, "Test rows by true class (rows) and predicted class (columns)");
        files.AddRange(Save(confusion, folder, "confusion-matrix"));
        ConfusedClasses.Add(report, Counts(result.Confusion), result.Classes);

        report.Heading("Per-class accuracy (test)");
        var perClass = PerClass(result.Confusion);
        var bars = new Chart("Per-class test accuracy") { XLabel = "class", YLabel = "accuracy", Width = 720 }
            .Bar([.. result.Classes], [.. perClass.Select(a => double.IsNaN(a) ? 0 : a)]);
        report.Chart(bars);
        var scores = Scores(result);
        report.Table(["class", "test rows", "right", "accuracy (recall)", "precision", "F1"], [
            .. result.Classes.Select((c, i) => (IReadOnlyList<string>)[c, N(RowTotal(result.Confusion, i)), N(result.Confusion[i, i]),
                double.IsNaN(perClass[i]) ? "" : $"{perClass[i] * 100:F1}%", F(scores.Classes[i].Precision), F(scores.Classes[i].F1)]),
            .. new[] { scores.MacroAverage, scores.WeightedAverage }.Select(a => (IReadOnlyList<string>)[a.Name, N((int)a.Support), "",
                $"{a.Recall * 100:F1}%", F(a.Precision), F(a.F1)]),
        ], "Precision: of the test rows predicted as the class, the share truly of it; F1: their harmonic mean with recall");
        files.AddRange(Save(bars, folder, "per-class-accuracy"));

        if (result.Predictions is { } predictions && Curves(result, predictions) is { } curves)
        {
            report.Heading("ROC and precision–recall curves (test)");
            report.Chart(curves, $"Each class against the rest{(result.Classes.Count > MostCurves ? $" (the first {MostCurves} classes)" : "")}; the legend gives each curve's area (AUC) or average precision (AP)");
            files.AddRange(Save(curves, folder, "roc-curves"));
        }

        report.Heading("Test predictions");
        // no least confident images means none were given, not that every image was sure
        foreach (var (images, name, title, sayNone) in new[]
                 {
                     (result.Correct, "correct-predictions", "Predicted right", true), (result.Wrong, "wrong-predictions", "Predicted wrong", true),
                     (result.LeastConfident, "least-confident-predictions", "Least confident", false),
                 })
        {
            if (images.Count == 0)
            {
                if (sayNone) report.Paragraph($"{title}: none.");
                continue;
            }
            var gallery = new ImageGallery(images, title: $"{title} (true label / predicted, confidence)");
            report.Chart(gallery);
            files.AddRange(Save(gallery, folder, name));
        }

        report.Heading("Architecture");
        report.Table(["layers"], result.ArchitectureSummary.Split('\n').Select(line => (IReadOnlyList<string>)[line.TrimEnd()]));
        var html = Path.Combine(folder, "report.html");
        report.Save(html);
        files.Insert(0, html);
        return files;
    }

    static Chart Curves(NetworkTrainingResult result, string measure)
    {
        var chart = new Chart($"{measure} per epoch") { XLabel = "epoch", YLabel = measure };
        var epochs = Enumerable.Range(1, result.Epochs.Count).Select(e => (double)e).ToArray();
        chart.Line(epochs, [.. result.Epochs.Select(e => e.GetValueOrDefault(measure, double.NaN))], "training");
        if (result.Epochs.All(e => e.ContainsKey("val_" + measure)))
            chart.Line(epochs, [.. result.Epochs.Select(e => e["val_" + measure])], "validation");
        return chart;
    }

    /// <summary>One ROC and one precision–recall curve per class that has test rows both of it and of others.</summary>
    static ChartGrid? Curves(NetworkTrainingResult result, TestPredictions predictions)
    {
        var truths = predictions.Truths.ToArray();
        var classes = Enumerable.Range(0, result.Classes.Count).Take(MostCurves)
            .Where(c => truths.Contains(c) && truths.Any(t => t != c)).ToArray();
        if (classes.Length == 0) return null;
        var scores = classes.Select(c => predictions.Of(c, result.Classes.Count)).ToArray();
        var grid = new ChartGrid(1, 2) { Width = 1200, Height = 480 };
        grid[0, 0] = ModelCharts.RocCurves([.. classes.Select((c, i) => (result.Classes[c], RocCurve.Of<int>(truths, scores[i], c)))]);
        grid[0, 1] = ModelCharts.PrecisionRecallCurves([.. classes.Select((c, i) => (result.Classes[c], PrecisionRecallCurve.Of<int>(truths, scores[i], c)))]);
        return grid;
    }

    static Chart ConfusionChart(NetworkTrainingResult result)
    {
        var chart = ModelCharts.ConfusionMatrix(Counts(result.Confusion), result.Classes);
        chart.Title = "Confusion matrix (test)";
        return chart;
    }

    static double[,] Counts(int[,] confusion)
    {
        var k = confusion.GetLength(0);
        var counts = new double[k, k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++) counts[i, j] = confusion[i, j];
        return counts;
    }

    /// <summary>The classification report of the test rows, read back from the confusion matrix's cells.</summary>
    static ClassificationReport Scores(NetworkTrainingResult result)
    {
        var truth = new List<int>();
        var guess = new List<int>();
        for (var i = 0; i < result.Classes.Count; i++)
            for (var j = 0; j < result.Classes.Count; j++)
                for (var n = 0; n < result.Confusion[i, j]; n++)
                {
                    truth.Add(i);
                    guess.Add(j);
                }
        return ClassificationReport.Of<int>([.. truth], [.. guess], [.. Enumerable.Range(0, result.Classes.Count)], result.Classes);
    }

    static double[] PerClass(int[,] confusion)
    {
        var k = confusion.GetLength(0);
        var accuracy = new double[k];
        for (var i = 0; i < k; i++)
        {
            var total = RowTotal(confusion, i);
            accuracy[i] = total == 0 ? double.NaN : (double)confusion[i, i] / total;
        }
        return accuracy;
    }

    static int RowTotal(int[,] confusion, int row)
    {
        var total = 0;
        for (var j = 0; j < confusion.GetLength(1); j++) total += confusion[row, j];
        return total;
    }

    static string[] Save(Figure figure, string folder, string name)
    {
        string[] paths = [Path.Combine(folder, name + ".png"), Path.Combine(folder, name + ".svg")];
        foreach (var path in paths) figure.Save(path);
        return paths;
    }

    static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
