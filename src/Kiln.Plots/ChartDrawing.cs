using ScottPlot;

namespace Kiln.Plots;

/// <summary>What series share while one chart is turned into a ScottPlot plot: the plot, the colour cycle and the slots of grouped bars.</summary>
sealed class ChartDrawing(Plot plot, ChartPalette palette, int barSeriesCount)
{
    int _nextColor;
    int _nextBarSlot;

    public Plot Plot => plot;

    public int BarSeriesCount => barSeriesCount;

    /// <summary>The chosen colour, or the next palette colour when none was chosen (the cycle only advances for the latter, as in matplotlib).</summary>
    public ChartColor ColorFor(ChartColor? chosen) => chosen ?? palette[_nextColor++];

    public int TakeBarSlot() => _nextBarSlot++;

    /// <summary>Writes category names under (or beside) integer positions, turning long names so they do not overlap.</summary>
    public void SetCategoryTicks(IAxis axis, IReadOnlyList<string> labels, bool topToBottom = false)
    {
        var positions = new double[labels.Count];
        for (var i = 0; i < labels.Count; i++)
            positions[i] = topToBottom ? labels.Count - 1 - i : i;
        axis.SetTicks(positions, labels.ToArray());
        axis.MinorTickStyle.Length = 0;
        var longest = labels.Count == 0 ? 0 : labels.Max(label => label.Length);
        if (axis.Edge == Edge.Bottom && longest * labels.Count > 60)
        {
            axis.TickLabelStyle.Rotation = -45;
            axis.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // Turned labels need room below the axis: roughly their diagonal length.
            axis.MinimumSize = (float)(longest * axis.TickLabelStyle.FontSize * 0.6 * 0.71 + 20);
        }
    }
}
