namespace Kiln.Plots;

/// <summary>Points at (x, y) joined by a line, drawn as markers, or both: matplotlib's plot and scatter.</summary>
sealed class XySeries : ChartSeries
{
    readonly double[] _xs;
    readonly double[] _ys;
    readonly ChartColor? _color;
    readonly float _lineWidth;
    readonly float _markerSize;
    readonly bool _dashed;

    public XySeries(double[] xs, double[] ys, string? label, ChartColor? color, float lineWidth, float markerSize, bool dashed = false) : base(label)
    {
        (_xs, _ys) = FinitePairs(xs, ys, nameof(xs), nameof(ys));
        if (!(lineWidth >= 0) || !(markerSize >= 0) || lineWidth + markerSize == 0)
            throw new ArgumentOutOfRangeException(lineWidth > 0 ? nameof(markerSize) : nameof(lineWidth),
                "line width and marker size must be 0 or more pixels, and one of them above 0");
        _color = color;
        _lineWidth = lineWidth;
        _markerSize = markerSize;
        _dashed = dashed;
    }

    public override void Draw(ChartDrawing drawing)
    {
        var series = drawing.Plot.Add.Scatter(_xs, _ys, drawing.ColorFor(_color).ToScottPlot());
        series.LineWidth = _lineWidth;
        series.MarkerSize = _markerSize;
        if (_dashed) series.LinePattern = ScottPlot.LinePattern.Dashed;
        series.LegendText = Label ?? string.Empty;
    }
}
