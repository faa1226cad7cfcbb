using Kiln.Data;
namespace Kiln.Plots;

sealed class HistogramSeries(HistogramBins bins, string? label, ChartColor? color) : ChartSeries(label)
{
    public override void Draw(ChartDrawing drawing)
    {
        var fill = drawing.ColorFor(color).ToScottPlot();
        var bars = new List<ScottPlot.Bar>(bins.BinCount);
        for (var i = 0; i < bins.BinCount; i++)
        {
            var left = bins.Edges[i];
            var right = bins.Edges[i + 1];
            bars.Add(new ScottPlot.Bar
            {
                Position = (left + right) / 2,
                Value = bins.Counts[i],
                Size = right - left,
                FillColor = fill,
                // A thin white edge keeps neighbouring bins apart, as seaborn draws them.
                LineColor = ScottPlot.Colors.White,
                LineWidth = 1,
            });
        }
        var plot = drawing.Plot.Add.Bars(bars);
        plot.LegendText = Label ?? string.Empty;
        drawing.Plot.Axes.Margins(bottom: 0);
    }
}
