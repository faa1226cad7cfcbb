using System.Globalization;
using Kiln.Data;

namespace Kiln.Plots;

/// <summary>Renders a <see cref="DataProfile"/> as one self-contained HTML page: overview, warnings, columns, target, distributions, correlations.</summary>
public static class ProfileReport
{
    const int GridColumns = 3;
    const int MaxCategoriesCharted = 20;

    /// <summary>The report; <paramref name="frame"/> is the profiled data, from which the histograms are drawn on the profile's own bin edges.</summary>
    public static HtmlReport Build(DataProfile profile, Frame frame)
    {
        var report = new HtmlReport($"Data profile — {Path.GetFileName(profile.Source)}");
        Overview(report, profile);
        if (profile.Warnings.Count > 0)
        {
            report.Heading("Warnings");
            foreach (var warning in profile.Warnings) report.Warning(warning);
        }
        Columns(report, profile);
        if (profile.Target is { } target) Target(report, target);
        Distributions(report, profile, frame);
        Correlations(report, profile.Correlations);
        return report;
    }

    static void Overview(HtmlReport report, DataProfile profile)
    {
        var cells = (long)profile.RowCount * profile.ColumnCount;
        var types = profile.Columns.GroupBy(c => c.Type).Select(g => $"{g.Key} ({g.Count()})");
        report.Heading("Overview").KeyValues(
            ("Source", profile.Source),
            ("Rows", N(profile.RowCount)),
            ("Columns", N(profile.ColumnCount)),
            ("Types", string.Join(", ", types)),
            ("Missing cells", $"{N(profile.MissingCells)} ({Percent(cells == 0 ? 0 : (double)profile.MissingCells / cells)})"),
            ("Duplicate rows", N(profile.DuplicateRows)),
            ("Memory", $"{profile.MemoryBytes / 1048576.0:F1} MB"));
    }

    static void Columns(HtmlReport report, DataProfile profile)
    {
        report.Heading("Columns");
        string[] header = ["column", "type", "missing", "missing %", "unique", "mean", "std", "min", "25%", "50%", "75%", "max", "skew", "outliers (IQR)", "outliers (|z|>3)", "top value"];
        report.Table(header, profile.Columns.Select(c => (IReadOnlyList<string>)
        [
            c.Name, c.Type, N(c.Missing), Percent(c.MissingShare), N(c.Unique), G(c.Mean), G(c.Std), G(c.Min), G(c.LowerQuartile),
            G(c.Median), G(c.UpperQuartile), G(c.Max), G(c.Skewness), c.OutliersByIqr is { } iqr ? N(iqr) : "",
            c.OutliersByZScore is { } z ? N(z) : "", c.TopValues.Count > 0 ? $"{c.TopValues[0].Value} ({N(c.TopValues[0].Count)})" : "",
        ]));
    }

    static void Target(HtmlReport report, TargetProfile target)
    {
        report.Heading($"Target: {target.Column} ({target.Task})");
        if (target.Classes.Count > 0)
        {
            report.Table(["class", "count", "share"], target.Classes.Select(c => (IReadOnlyList<string>)[c.Value, N(c.Count), Percent(c.Share)]),
                target.ImbalanceRatio is { } ratio ? $"largest class / smallest class = {ratio:F2}" : null);
            var balance = new Chart($"Class balance of {target.Column}") { XLabel = target.Column, YLabel = "rows" }
                .Bar([.. target.Classes.Select(c => c.Value)], [.. target.Classes.Select(c => (double)c.Count)]);
            report.Chart(balance, 640, 360);
        }
        if (target.Correlations.Count > 0)
            report.Table(["feature", $"correlation with {target.Column}"],
                target.Correlations.Select(f => (IReadOnlyList<string>)[f.Feature, f.Correlation.ToString("F3", CultureInfo.InvariantCulture)]),
                "Pearson correlation, strongest first");
    }

    static void Distributions(HtmlReport report, DataProfile profile, Frame frame)
    {
        var numeric = profile.Columns.Where(c => c.Histogram is not null).ToList();
        var categorical = profile.Columns.Where(c => c.Histogram is null && c.Unique is > 0 and <= MaxCategoriesCharted).ToList();
        if (numeric.Count + categorical.Count == 0) return;
        report.Heading("Distributions");
        if (numeric.Count > 0)
        {
            var grid = Grid(numeric.Count);
            for (var i = 0; i < numeric.Count; i++)
            {
                var column = numeric[i];
                var chart = grid[i / GridColumns, i % GridColumns];
                chart.Title = column.Name;
                chart.YLabel = "rows";
                chart.Histogram([.. frame[column.Name].AsFloat64().Values], [.. column.Histogram!.Edges]);
            }
            report.Chart(grid, "Histograms of the numeric columns (missing values left out)");
        }
        if (categorical.Count > 0)
        {
            var grid = Grid(categorical.Count);
            for (var i = 0; i < categorical.Count; i++)
            {
                var column = categorical[i];
                var chart = grid[i / GridColumns, i % GridColumns];
                chart.Title = column.Name;
                chart.YLabel = "rows";
                chart.Bar([.. column.TopValues.Select(v => v.Value)], [.. column.TopValues.Select(v => (double)v.Count)]);
            }
            report.Chart(grid, $"Most frequent values of the columns with at most {MaxCategoriesCharted} distinct values");
        }
    }

    static ChartGrid Grid(int charts)
    {
        var columns = Math.Min(GridColumns, charts);
        var rows = (charts + GridColumns - 1) / GridColumns;
        return new ChartGrid(rows, columns) { Width = 360 * columns, Height = 270 * rows };
    }

    static void Correlations(HtmlReport report, CorrelationTable correlations)
    {
        if (correlations.Names.Count < 2) return;
        report.Heading("Correlations");
        var size = correlations.Names.Count;
        var matrix = new double[size, size];
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++) matrix[i, j] = correlations.Values[i][j];
        var side = Math.Clamp(90 * size, 480, 1400);
        report.Chart(new Chart("Pearson correlation").CorrelationHeatmap(matrix, [.. correlations.Names]), side, side,
            "Pairwise complete observations; blank cells are undefined (a constant column)");
    }

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    static string G(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("G5", CultureInfo.InvariantCulture) : "";
}
