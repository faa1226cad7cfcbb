using Kiln.Data;
using System.Globalization;

namespace Kiln.Plots;

/// <summary>
/// A matrix drawn as coloured cells, row 0 at the top like a printed table, with an optional value written
/// in each cell and a colour bar. Cells are drawn as rectangles rather than a bitmap so SVG output stays sharp.
/// </summary>
sealed class HeatmapSeries : ChartSeries
{
    readonly double[,] _values;
    readonly string[] _rowLabels;
    readonly string[] _columnLabels;
    readonly bool _annotate;
    readonly ColormapScale _scale;
    readonly string _valueFormat;

    public HeatmapSeries(double[,] values, string[] rowLabels, string[] columnLabels, bool annotate,
        Colormap colormap, double? minimum, double? maximum, string valueFormat) : base(null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(valueFormat);
        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        if (rows == 0 || columns == 0)
            throw new ArgumentException("a heatmap needs at least one row and one column", nameof(values));
        if (rowLabels.Length != rows)
            throw new ArgumentException($"the matrix has {rows} rows but {rowLabels.Length} row labels were given", nameof(rowLabels));
        if (columnLabels.Length != columns)
            throw new ArgumentException($"the matrix has {columns} columns but {columnLabels.Length} column labels were given", nameof(columnLabels));
        _values = (double[,])values.Clone();
        _rowLabels = rowLabels.ToArray();
        _columnLabels = columnLabels.ToArray();
        _annotate = annotate;
        _valueFormat = valueFormat;
        var (low, high) = Range(values, colormap, minimum, maximum);
        _scale = new ColormapScale(colormap, low, high);
    }

    public override IReadOnlyList<string> Categories => _columnLabels;

    public override void Draw(ChartDrawing drawing)
    {
        var plot = drawing.Plot;
        var rows = _values.GetLength(0);
        var columns = _values.GetLength(1);
        var fontSize = Math.Max(columns, rows) switch { <= 8 => 13f, <= 14 => 11f, <= 24 => 9f, _ => 7f };
        for (var row = 0; row < rows; row++)
        {
            var y = rows - 1 - row;
            for (var column = 0; column < columns; column++)
            {
                var value = _values[row, column];
                var fill = double.IsNaN(value) ? new ChartColor(220, 220, 220) : _scale.ColorOf(value);
                var cell = plot.Add.Rectangle(new ScottPlot.CoordinateRect(column - 0.5, column + 0.5, y - 0.5, y + 0.5));
                cell.FillColor = fill.ToScottPlot();
                // An outline in the fill colour covers the hairline seams antialiasing leaves between neighbouring cells.
                cell.LineColor = fill.ToScottPlot();
                cell.LineWidth = 1;
                if (!_annotate)
                    continue;
                var text = plot.Add.Text(Format(value), column, y);
                text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelFontName = ChartFont.Family;
                text.LabelFontColor = fill.Luminance < 0.5 ? ScottPlot.Colors.White : ScottPlot.Colors.Black;
            }
        }
        drawing.SetCategoryTicks(plot.Axes.Bottom, _columnLabels);
        drawing.SetCategoryTicks(plot.Axes.Left, _rowLabels, topToBottom: true);
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.Add.ColorBar(_scale);
    }

    string Format(double value) => double.IsNaN(value) ? "–" : value.ToString(_valueFormat, CultureInfo.InvariantCulture);

    static (double Low, double High) Range(double[,] values, Colormap colormap, double? minimum, double? maximum)
    {
        if (minimum is { } min && maximum is { } max)
        {
            if (!double.IsFinite(min) || !double.IsFinite(max) || min >= max)
                throw new ArgumentException($"the colour range must be finite with minimum below maximum, got {min} to {max}");
            return (min, max);
        }
        if (minimum is not null || maximum is not null)
            throw new ArgumentException("give both the minimum and the maximum of the colour range, or neither");
        if (FiniteRange.Of(values.Cast<double>().ToArray()) is not { } range)
            return (0, 1);
        var (low, high) = range;
        // A diverging map is centred on zero so that white means zero.
        if (colormap == Colormap.BlueWhiteRed)
        {
            var reach = Math.Max(Math.Abs(low), Math.Abs(high));
            return reach > 0 ? (-reach, reach) : (-1, 1);
        }
        return low < high ? (low, high) : (low - 0.5, high + 0.5);
    }
}
