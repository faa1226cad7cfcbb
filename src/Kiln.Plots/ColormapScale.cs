namespace Kiln.Plots;

/// <summary>A colormap stretched over a value range: the colours of heatmap cells and the scale of their colour bar.</summary>
sealed class ColormapScale(Colormap colormap, double minimum, double maximum) : ScottPlot.IHasColorAxis
{
    public ScottPlot.IColormap Colormap { get; set; } = colormap switch
    {
        Plots.Colormap.Viridis => new ScottPlot.Colormaps.Viridis(),
        Plots.Colormap.Magma => new ScottPlot.Colormaps.Magma(),
        Plots.Colormap.Plasma => new ScottPlot.Colormaps.Plasma(),
        Plots.Colormap.Inferno => new ScottPlot.Colormaps.Inferno(),
        Plots.Colormap.Grayscale => new ScottPlot.Colormaps.Grayscale(),
        Plots.Colormap.BlueWhiteRed => new ScottPlot.Colormaps.Balance(),
        _ => throw new ArgumentOutOfRangeException(nameof(colormap), colormap, "unknown colormap"),
    };

    public double Minimum => minimum;

    public double Maximum => maximum;

    public ScottPlot.Range GetRange() => new(minimum, maximum);

    public ChartColor ColorOf(double value)
    {
        var fraction = maximum > minimum ? (value - minimum) / (maximum - minimum) : 0.5;
        return ChartColor.FromScottPlot(Colormap.GetColor(Math.Clamp(fraction, 0, 1)));
    }
}
