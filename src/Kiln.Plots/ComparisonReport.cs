using System.Globalization;
using Kiln.Learn;
using Kiln.Learn.Training;

namespace Kiln.Plots;

/// <summary>
/// The report of a model comparison (<c>kiln compare</c>), written into one folder: <c>index.html</c> with the verdict,
/// the ranked table (and the baseline's row below it) and charts, and each chart as PNG — the models' cross-validated scores with their spread, and per
/// model its held-out confusion matrix (classification) or actual against predicted (regression).
/// </summary>
public static class ComparisonReport
{
    /// <summary>Writes the report into <paramref name="folder"/>; returns the files written, the page first.</summary>
    public static IReadOnlyList<string> Write(ComparisonResult result, string source, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var fitted = result.Models.Where(m => m.Succeeded).ToList();
        var task = result.Task == EstimatorRole.Classifier ? "classification" : "regression";
        var html = new HtmlReport($"Which model for {result.Target}? {fitted.Count} models compared on {Path.GetFileName(source)}");
        html.KeyValues(("task", task), ("target", result.Target), ("rows", $"{result.TrainRows:N0} cross-validated in {result.Folds} folds, {result.HeldOut.RowCount:N0} held out"),
            ("ranked by", $"mean {result.Scoring} over the folds"));
        html.Heading("Verdict").Paragraph(result.Verdict);

        var ranking = ModelCharts.ModelComparison([.. fitted.Select(m => m.Entry.Name)], [.. fitted.Select(m => m.MeanScore)],
            [.. fitted.Select(m => m.StdScore)], $"mean {result.Scoring} over {result.Folds} folds (± std)");
        files.Add(Save(ranking, folder, "comparison.png"));
        html.Heading("Models").Chart(ranking, "Each model's mean cross-validated score, with a whisker of one standard deviation between folds");
        var rows = fitted.Select((m, i) => Row(result, N(i + 1), m.Entry.Name, m));
        // the baseline is scored like the models but never ranked
        if (result.Baseline is { Succeeded: true } baseline) rows = rows.Append(Row(result, "–", result.BaselineLabel, baseline));
        html.Table(["rank", "model", $"mean {result.Scoring}", "± std", .. HeldOutColumns.Headers(result), "fit s"], rows);
        var failed = result.Models.Where(m => !m.Succeeded).ToList();
        if (failed.Count > 0)
            html.Warning($"Could not be fitted: {string.Join("; ", failed.Select(m => $"{m.Entry.Name} — {m.Failure}"))}");

        html.Heading(result.Task == EstimatorRole.Classifier ? "Confusion matrices on the held-out rows" : "Actual against predicted on the held-out rows");
        var features = result.HeldOut.Drop(result.Target);
        var actual = result.HeldOut[result.Target];
        foreach (var model in fitted)
        {
            var chart = result.Task == EstimatorRole.Classifier
                ? Confusion((IClassifierModel)model.Model!, features, actual)
                : ModelCharts.ActualVsPredicted(actual.AsFloat64().Values.ToArray(), ((IRegressorModel)model.Model!).Predict(features).AsFloat64().Values.ToArray(), result.Target);
            chart.Title = $"{model.Entry.Name}: {chart.Title}";
            files.Add(Save(chart, folder, $"{model.Entry.Name}.png"));
            html.Heading(model.Entry.Name, 3).Chart(chart);
        }
        var page = Path.Combine(folder, "index.html");
        html.Save(page);
        files.Insert(0, page);
        return files;
    }

    static IReadOnlyList<string> Row(ComparisonResult result, string rank, string name, ComparedModel m) =>
        [rank, name, F(m.MeanScore), F(m.StdScore), .. HeldOutColumns.Values(result, m), $"{m.FitSeconds:0.###}"];

    static Chart Confusion(IClassifierModel model, Kiln.Data.Frame features, Kiln.Data.Column actual)
    {
        var predicted = model.Predict(features);
        var truth = Texts(actual);
        var guess = Texts(predicted);
        var labels = Texts(model.Classes);
        return ModelCharts.ConfusionMatrix(Kiln.Learn.Metrics.ConfusionMatrix.Of<string>(truth, guess, labels), labels);
    }

    static string[] Texts(Kiln.Data.Column column)
    {
        var texts = new string[column.Length];
        for (var i = 0; i < texts.Length; i++) texts[i] = column.Format(i);
        return texts;
    }

    static string Save(Figure chart, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        chart.Save(path);
        return path;
    }

    static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
