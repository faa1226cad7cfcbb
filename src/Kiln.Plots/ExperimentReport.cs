using System.Globalization;

namespace Kiln.Plots;

/// <summary>
/// The report of a neural-network experiment, written into one folder: <c>report.html</c> (self-contained, charts
/// inline) and each chart as PNG and SVG — train, validation and test accuracy of every variant, the gap between
/// train and validation accuracy, one comparison per varied key, and every variant's training and validation curves.
/// </summary>
public static class ExperimentReport
{
    static IReadOnlyList<string> Columns(ExperimentComparison comparison) =>
        ["rank", "variant", .. comparison.Keys.Select(k => k.Key), "train_accuracy", "val_accuracy", "test_accuracy", "gap", "val_loss", "loss_gap", "epochs", "seconds", "parameters"];

    /// <summary>The results table's rows, best first; a key a variant leaves as in the base is blank.</summary>
    static IEnumerable<IReadOnlyList<string>> Rows(ExperimentComparison comparison) => comparison.Variants.Select((v, i) => (IReadOnlyList<string>)
    [
        N(i + 1), v.Name, .. comparison.Keys.Select(k => v.Settings.GetValueOrDefault(k.Key, "")),
        F(v.TrainAccuracy), F(v.ValidationAccuracy), F(v.TestAccuracy), F(v.Gap), F(v.ValidationLoss), F(v.LossGap),
        v.RestoredEpoch is { } restored ? $"{N(v.Epochs.Count)} (best {N(restored)})" : N(v.Epochs.Count),
        v.Seconds.ToString("0.0", CultureInfo.InvariantCulture), N(v.Parameters),
    ]);

    /// <summary>Writes the report and its charts into <paramref name="folder"/>; returns the files written, the page first.</summary>
    public static IReadOnlyList<string> Write(ExperimentComparison comparison, string folder)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var report = new HtmlReport(comparison.Title);
        report.Heading("Experiment").KeyValues([.. comparison.Facts]);
        if (comparison.Variants.Count < comparison.Planned)
            report.Warning($"Stopped after {comparison.Variants.Count} of {comparison.Planned} variants; the table holds those that finished.");
        if (comparison.Variants.Count == 0)
        {
            report.Paragraph("No variant finished.");
            return Save(report, folder, files);
        }

        report.Heading("Results");
        report.Table(Columns(comparison), Rows(comparison),
            "Best first by validation accuracy. Measures are the final network's, dropout off; gap = train − validation accuracy, loss gap = validation − train loss.");
        var names = comparison.Variants.Select(v => v.Name).ToArray();
        var accuracy = Accuracies("Accuracy by variant", names, comparison.Variants);
        accuracy.Width = Math.Clamp(160 + 90 * names.Length, 640, 1600);
        report.Chart(accuracy);
        files.AddRange(SaveChart(accuracy, folder, "accuracy-by-variant"));
        if (comparison.Variants.Any(v => double.IsFinite(v.Gap)))
        {
            var gap = new Chart("Gap: train − validation accuracy") { XLabel = "variant", YLabel = "accuracy points", Width = accuracy.Width }
                .Bar(names, [.. comparison.Variants.Select(v => v.Gap * 100)]);
            report.Chart(gap, "How far the network does better on the rows it learnt than on held-out rows; smaller is less overfitting");
            files.AddRange(SaveChart(gap, folder, "gap-by-variant"));
            var lossGap = new Chart("Loss gap: validation − train loss") { XLabel = "variant", YLabel = "loss", Width = accuracy.Width }
                .Bar(names, [.. comparison.Variants.Select(v => v.LossGap)]);
            report.Chart(lossGap, "The same gap in loss: an overfitted network grows surer of its wrong answers long after its accuracy has stopped moving");
            files.AddRange(SaveChart(lossGap, folder, "loss-gap-by-variant"));
        }

        report.Heading("By varied key");
        foreach (var (key, values) in comparison.Keys)
        {
            var best = values.Select(value => comparison.Variants.Where(v => v.Settings.GetValueOrDefault(key) == value).MaxBy(v => Score(v))).ToList();
            string[] categories = [.. values];
            // varied one at a time, a key whose values the base does not have is compared with the base beside them
            if (comparison.Variants.FirstOrDefault(v => v.Name == "base") is { } baseVariant && !baseVariant.Settings.ContainsKey(key))
                (categories, best) = (["base", .. categories], [baseVariant, .. best]);
            var chart = Accuracies(key, categories, best);
            chart.XLabel = key;
            report.Chart(chart, $"Accuracy for each value of {key} (where several variants share a value, the one best on validation)");
            files.AddRange(SaveChart(chart, folder, $"key-{FileName(key)}"));
        }

        report.Heading("Training curves");
        report.Paragraph("Per epoch, as training measured it: training accuracy and loss with dropout on, averaged over the epoch; validation with dropout off.");
        for (var i = 0; i < comparison.Variants.Count; i++)
        {
            var curves = Curves(comparison.Variants[i]);
            report.Chart(curves);
            files.AddRange(SaveChart(curves, folder, $"curves-{i + 1:D2}"));
        }
        return Save(report, folder, files);
    }

    static Chart Accuracies(string title, string[] categories, IReadOnlyList<ComparedVariant?> variants)
    {
        var chart = new Chart(title) { XLabel = "variant", YLabel = "accuracy" };
        chart.Bar(categories, [.. variants.Select(v => v?.TrainAccuracy ?? double.NaN)], "train");
        if (variants.Any(v => v is not null && double.IsFinite(v.ValidationAccuracy)))
            chart.Bar(categories, [.. variants.Select(v => v?.ValidationAccuracy ?? double.NaN)], "validation");
        if (variants.Any(v => v is not null && double.IsFinite(v.TestAccuracy)))
            chart.Bar(categories, [.. variants.Select(v => v?.TestAccuracy ?? double.NaN)], "test");
        return chart;
    }

    /// <summary>Accuracy and loss per epoch of one variant, training and validation side by side.</summary>
    static ChartGrid Curves(ComparedVariant variant)
    {
        var grid = new ChartGrid(1, 2) { Title = variant.Name };
        var epochs = Enumerable.Range(1, variant.Epochs.Count).Select(e => (double)e).ToArray();
        string[] measures = ["accuracy", "loss"];
        for (var column = 0; column < measures.Length; column++)
        {
            var measure = measures[column];
            var chart = grid[0, column];
            (chart.Title, chart.XLabel, chart.YLabel) = (measure, "epoch", measure);
            chart.Line(epochs, [.. variant.Epochs.Select(e => e.GetValueOrDefault(measure, double.NaN))], "training");
            if (variant.Epochs.All(e => e.ContainsKey("val_" + measure)))
                chart.Line(epochs, [.. variant.Epochs.Select(e => e["val_" + measure])], "validation");
            if (variant.RestoredEpoch is { } restored)
                chart.Scatter([restored], [variant.Epochs[restored - 1].GetValueOrDefault("val_" + measure, double.NaN)], "restored", markerSize: 9);
        }
        return grid;
    }

    static double Score(ComparedVariant variant) =>
        double.IsFinite(variant.ValidationAccuracy) ? variant.ValidationAccuracy : double.IsFinite(variant.TrainAccuracy) ? variant.TrainAccuracy : double.NegativeInfinity;

    static IReadOnlyList<string> Save(HtmlReport report, string folder, List<string> files)
    {
        var html = Path.Combine(folder, "report.html");
        report.Save(html);
        files.Insert(0, html);
        return files;
    }

    static string[] SaveChart(Figure figure, string folder, string name)
    {
        string[] paths = [Path.Combine(folder, name + ".png"), Path.Combine(folder, name + ".svg")];
        foreach (var path in paths) figure.Save(path);
        return paths;
    }

    static string FileName(string key) => string.Concat(key.Select(c => char.IsLetterOrDigit(c) ? c : '-'));

    static string F(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
