using Kiln.Data;
using ScottPlot;
using SkiaSharp;

namespace Kiln.Plots;

/// <summary>
/// One plot area — title, axis labels, legend — holding any number of series, like a matplotlib Axes.
/// Series methods return the chart so calls chain:
/// <code>new Chart { Title = "Prices" }.Histogram(prices, bins: 20).Save("prices.svg");</code>
/// Colours are hex strings ("#1f77b4") or basic names; series without one take the next <see cref="Palette"/> colour.
/// </summary>
public sealed class Chart : Figure
{
    public const int DefaultWidth = 640;
    public const int DefaultHeight = 480;

    readonly List<ChartSeries> _series = [];

    public Chart() : base(DefaultWidth, DefaultHeight)
    {
    }

    public Chart(string title) : this() => Title = title;

    public string? Title { get; set; }

    public string? XLabel { get; set; }

    public string? YLabel { get; set; }

    /// <summary>Whether to draw the legend; by default it is drawn when any series has a label.</summary>
    public bool? ShowLegend { get; set; }

    public ChartPalette Palette { get; set; } = ChartPalette.Category10;

    public int SeriesCount => _series.Count;

    /// <summary>A line through the points; <paramref name="markerSize"/> above 0 marks each point, <paramref name="dashed"/> draws a reference line.</summary>
    public Chart Line(double[] xs, double[] ys, string? label = null, string? color = null, float width = 2, float markerSize = 0, bool dashed = false) =>
        Add(new XySeries(xs, ys, label, ParseColor(color), lineWidth: width, markerSize: markerSize, dashed));

    /// <summary>A line through the values at x = 0, 1, 2, …</summary>
    public Chart Line(double[] ys, string? label = null, string? color = null, float width = 2)
    {
        ArgumentNullException.ThrowIfNull(ys);
        return Line(Enumerable.Range(0, ys.Length).Select(i => (double)i).ToArray(), ys, label, color, width);
    }

    public Chart Scatter(double[] xs, double[] ys, string? label = null, string? color = null, float markerSize = 6) =>
        Add(new XySeries(xs, ys, label, ParseColor(color), lineWidth: 0, markerSize: markerSize));

    /// <summary>A shaded band between <paramref name="lower"/> and <paramref name="upper"/> (matplotlib's fill_between), such as a mean ± one standard deviation.</summary>
    public Chart Band(double[] xs, double[] lower, double[] upper, string? label = null, string? color = null, double opacity = 0.2) =>
        Add(new BandSeries(xs, lower, upper, label, ParseColor(color), opacity));

    /// <summary>One bar per category, the categories written under the x axis. Several Bar calls with the same categories stand side by side.</summary>
    public Chart Bar(string[] categories, double[] values, string? label = null, string? color = null) =>
        Add(new BarSeries(categories, values, label, ParseColor(color)));

    /// <summary>A histogram of <paramref name="values"/> in <paramref name="bins"/> equal-width bins (numpy.histogram's edges); missing values are skipped.</summary>
    public Chart Histogram(double[] values, int bins = 10, string? label = null, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Add(new HistogramSeries(HistogramBins.Compute(values, bins), label, ParseColor(color)));
    }

    /// <summary>A histogram between explicit, increasing bin edges; values outside them are not counted.</summary>
    public Chart Histogram(double[] values, double[] edges, string? label = null, string? color = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Add(new HistogramSeries(HistogramBins.Compute(values, edges), label, ParseColor(color)));
    }

    /// <summary>One box per group (quartiles, whiskers at 1.5 IQR, outliers as circles), the group labels under the x axis.</summary>
    public Chart Box(params (string Label, double[] Values)[] groups) => Box(groups, color: null);

    public Chart Box(IReadOnlyList<(string Label, double[] Values)> groups, string? color, double whiskerReach = 1.5) =>
        Add(new BoxSeries(groups, ParseColor(color), whiskerReach));

    /// <summary>
    /// A matrix as coloured cells (row 0 at the top) with a colour bar, the value written in each cell when
    /// <paramref name="annotate"/> is set. The colour range is the data's unless both ends are given; the
    /// diverging <see cref="Colormap.BlueWhiteRed"/> is centred on zero.
    /// </summary>
    public Chart Heatmap(double[,] values, string[] rowLabels, string[] columnLabels, bool annotate = true,
        Colormap colormap = Colormap.Viridis, double? minimum = null, double? maximum = null, string valueFormat = "0.00")
    {
        if (_series.Count > 0)
            throw new InvalidOperationException("a heatmap fills its chart on its own; put other series on another chart");
        return Add(new HeatmapSeries(values, rowLabels, columnLabels, annotate, colormap, minimum, maximum, valueFormat));
    }

    /// <summary>A correlation matrix: annotated cells, blue for −1 through white for 0 to red for +1.</summary>
    public Chart CorrelationHeatmap(double[,] correlations, string[] labels) =>
        Heatmap(correlations, labels, labels, annotate: true, Colormap.BlueWhiteRed, minimum: -1, maximum: 1);

    internal override void Draw(SKCanvas canvas, PixelRect area)
    {
        using var plot = BuildPlot();
        // The caller owns the canvas background; clearing would also wipe neighbouring cells of a grid.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        // ScottPlot renders a fresh plot twice to settle its layout; doing that off-canvas keeps the SVG free of a duplicate drawing.
        plot.RenderInMemory(Math.Max(1, (int)Math.Round(area.Width)), Math.Max(1, (int)Math.Round(area.Height)));
        plot.Render(canvas, area);
    }

    Plot BuildPlot()
    {
        var plot = new Plot();
        try
        {
            var drawing = new ChartDrawing(plot, Palette, _series.Count(series => series is BarSeries));
            foreach (var series in _series)
                series.Draw(drawing);
            plot.Font.Set(ChartFont.Family);
            if (!string.IsNullOrEmpty(Title))
                plot.Title(Title);
            if (!string.IsNullOrEmpty(XLabel))
                plot.XLabel(XLabel);
            if (!string.IsNullOrEmpty(YLabel))
                plot.YLabel(YLabel);
            if (ShowLegend ?? _series.Any(series => series.Label is not null))
            {
                plot.ShowLegend(Alignment.UpperRight);
                plot.Legend.FontName = ChartFont.Family;
            }
            else
            {
                plot.HideLegend();
            }
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    Chart Add(ChartSeries series)
    {
        if (_series.OfType<HeatmapSeries>().Any())
            throw new InvalidOperationException("this chart holds a heatmap, which fills its chart on its own; put other series on another chart");
        if (series.Categories is { } categories)
        {
            var existing = _series.Select(other => other.Categories).FirstOrDefault(other => other is not null);
            if (existing is not null && !existing.SequenceEqual(categories))
                throw new ArgumentException(
                    $"this chart's x axis already shows the categories [{string.Join(", ", existing)}]; " +
                    "series on one chart must use the same categories in the same order");
        }
        _series.Add(series);
        return this;
    }

    static ChartColor? ParseColor(string? color) => color is null ? null : ChartColor.Parse(color);
}
