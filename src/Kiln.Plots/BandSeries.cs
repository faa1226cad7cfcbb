namespace Kiln.Plots;

/// <summary>A shaded band between a lower and an upper line: matplotlib's fill_between, e.g. a mean ± one standard deviation.</summary>
sealed class BandSeries : ChartSeries
{
    readonly double[] _xs;
    readonly double[] _lower;
    readonly double[] _upper;
    readonly ChartColor? _color;
    readonly double _opacity;

    public BandSeries(double[] xs, double[] lower, double[] upper, string? label, ChartColor? color, double opacity) : base(label)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Length != xs.Length || upper.Length != xs.Length)
            throw new ArgumentException($"xs has {xs.Length} values, lower {lower.Length} and upper {upper.Length}; they must be the same length", nameof(upper));
        if (!(opacity is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(opacity), opacity, "opacity must be above 0 and at most 1");
        var kept = Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(xs[i]) && double.IsFinite(lower[i]) && double.IsFinite(upper[i])).ToArray();
        (_xs, _lower, _upper) = ([.. kept.Select(i => xs[i])], [.. kept.Select(i => lower[i])], [.. kept.Select(i => upper[i])]);
        _color = color;
        _opacity = opacity;
    }

    public override void Draw(ChartDrawing drawing)
    {
        var color = drawing.ColorFor(_color);
        if (_xs.Length == 0) return;
        var band = drawing.Plot.Add.FillY(_xs, _lower, _upper);
        band.FillColor = (color with { Alpha = (byte)Math.Round(255 * _opacity) }).ToScottPlot();
        band.LineWidth = 0;
        band.LegendText = Label ?? string.Empty;
    }
}
