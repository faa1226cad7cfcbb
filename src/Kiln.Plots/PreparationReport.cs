using System.Globalization;
using Kiln.Data;
using Kiln.Learn.Preparation;

namespace Kiln.Plots;

/// <summary>The HTML report of a data preparation: what was found and done, distributions before and after, correlations, class balance.</summary>
public static class PreparationReport
{
    const int MaxCharted = 9;
    const int MaxCorrelated = 20;

    public static HtmlReport Build(PreparationResult result)
    {
        var report = new HtmlReport($"Data preparation — {Path.GetFileName(result.Source)}");
        var o = result.Options;
        report.Heading("Overview").KeyValues(
            ("Source", result.Source),
            ("Rows in", N(result.InputRows)),
            ("Target", $"{o.Target} ({result.Task})"),
            ("Rows without a target dropped", N(result.TargetMissingDropped)),
            ("Duplicate rows dropped", N(result.DuplicatesDropped)),
            ("Training outliers dropped", result.Outliers is { } dropped ? $"{N(dropped.DroppedCount)} ({o.DropOutliers})" : "none asked"),
            ("Split", $"{N(result.Train.Prepared.RowCount)} train / {N(result.Validation.Prepared.RowCount)} validation / {N(result.Test.Prepared.RowCount)} test ({(o.Stratify ? "stratified" : "random")}, seed {o.Seed})"),
            ("Features", $"{result.NumericColumns.Count} numeric, {result.TextColumns.Count} text, {result.DateColumns.Count} date → {result.Pipeline.OutputNames.Count} prepared columns"));
        foreach (var column in result.DroppedColumns) report.Note($"'{column.Column}' left out: {column.Reason}");

        report.Heading("Missing values");
        if (result.MissingBefore.Count == 0) report.Paragraph("No value was missing.");
        else
            report.Table(["column", "missing", "share", "filled with"],
                result.MissingBefore.Select(m => (IReadOnlyList<string>)[m.Column, N(m.Missing), $"{m.Share * 100:F1}%", FillOf(result, m.Column)]),
                $"After preparation the training features hold {N(MissingCells(result.Train.Prepared))} missing values.");

        if (result.Outliers is { } outliers && result.OutlierModel is { } bounds)
        {
            report.Heading("Outliers in the training rows");
            var names = bounds.Schema.Names.ToList();
            report.Table(["column", "lower bound", "upper bound", "rows outside"],
                names.Select((n, i) => (IReadOnlyList<string>)[n, G(bounds.LowerBounds[i]), G(bounds.UpperBounds[i]), N(outliers.DroppedBy.GetValueOrDefault(n))]));
        }

        Distributions(report, result);
        Correlations(report, result);
        if (result.Task == "classification") Balance(report, result);
        return report;
    }

    static void Distributions(HtmlReport report, PreparationResult result)
    {
        var charted = result.NumericColumns.Where(n => result.Train.Raw.HasColumn(n) && result.Train.Raw[n].Type.IsNumeric())
            .Take(MaxCharted).ToList();
        if (charted.Count == 0) return;
        report.Heading("Distributions before and after");
        var grid = new ChartGrid(charted.Count, 2) { Width = 900, Height = 260 * charted.Count };
        for (var i = 0; i < charted.Count; i++)
        {
            var name = charted[i];
            grid[i, 0].Title = $"{name} (raw training rows)";
            grid[i, 0].Histogram([.. result.Train.Raw[name].AsFloat64().Values], 20);
            grid[i, 1].Title = $"{name} (prepared)";
            grid[i, 1].Histogram([.. result.Train.Prepared[name].AsFloat64().Values], 20, color: "#ff7f0e");
        }
        report.Chart(grid, "Left: as read; right: after imputation and standardisation (same shape, centred on 0 with unit spread)");
        var scales = new Chart("Effect of scaling: raw columns") { YLabel = "value" }
            .Box([.. charted.Select(n => (n, (double[])[.. result.Train.Raw[n].AsFloat64().Values]))]);
        var scaled = new Chart("…and standardised") { YLabel = "standard deviations" }
            .Box([.. charted.Select(n => (n, (double[])[.. result.Train.Prepared[n].AsFloat64().Values]))]);
        var pair = new ChartGrid(1, 2) { Width = 1100, Height = 420 };
        pair[0, 0] = scales;
        pair[0, 1] = scaled;
        report.Chart(pair, "Raw columns live on very different scales; after standardising they are comparable, which distance- and gradient-based models need");
    }

    static void Correlations(HtmlReport report, PreparationResult result)
    {
        var names = result.NumericColumns.Where(result.Train.Prepared.HasColumn).Take(MaxCorrelated).ToArray();
        if (names.Length < 2) return;
        var correlations = result.Train.Prepared.Correlation(names);
        var matrix = new double[correlations.Size, correlations.Size];
        for (var i = 0; i < correlations.Size; i++)
            for (var j = 0; j < correlations.Size; j++) matrix[i, j] = correlations[i, j];
        var side = Math.Clamp(70 * correlations.Size, 480, 1200);
        report.Heading("Correlations of the prepared numeric features");
        report.Chart(new Chart("Pearson correlation (training rows)").CorrelationHeatmap(matrix, [.. correlations.Names]), side, side);
    }

    static void Balance(HtmlReport report, PreparationResult result)
    {
        report.Heading("Class balance per split");
        var classes = result.Train.Classes.Select(c => c.Value).ToArray();
        PreparedSplit[] splits = [result.Train, result.Validation, result.Test];
        report.Table(["split", .. classes], splits.Select(s => (IReadOnlyList<string>)[s.Name, .. classes.Select(c => Share(s, c))]),
            result.Options.Stratify ? "Stratified: each class keeps its share in every split" : "Random split: shares may drift between splits");
        var chart = new Chart("Class shares per split") { YLabel = "share of rows" };
        foreach (var split in splits)
            chart.Bar(classes, [.. classes.Select(c => split.Classes.FirstOrDefault(x => x.Value == c)?.Share ?? 0)], split.Name);
        report.Chart(chart, 720, 380);
    }

    static string Share(PreparedSplit split, string label) =>
        split.Classes.FirstOrDefault(c => c.Value == label) is { } v ? $"{N(v.Count)} ({v.Share * 100:F1}%)" : "0";

    static string FillOf(PreparationResult result, string column) =>
        column == result.Options.Target ? "row dropped"
        : result.DroppedColumns.Any(d => d.Column == column) ? "column left out"
        : result.TextColumns.Contains(column) ? "most frequent training value"
        : $"{result.Options.Impute.ToString().ToLowerInvariant()} of the training rows";

    static long MissingCells(Frame frame) => frame.Columns.Sum(c => (long)c.MissingCount);

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string G(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
