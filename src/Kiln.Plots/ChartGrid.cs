using ScottPlot;
using SkiaSharp;

namespace Kiln.Plots;

/// <summary>
/// Rows × columns of charts rendered into one image, like matplotlib's <c>plt.subplots(rows, columns)</c>.
/// Reading a cell creates its chart, so <c>grid[0, 1].Scatter(xs, ys)</c> just works; empty cells stay blank.
/// </summary>
public sealed class ChartGrid : Figure
{
    /// <summary>Default size of one cell in pixels.</summary>
    public const int CellWidth = 560;
    public const int CellHeight = 420;

    const float TitleBandHeight = 44;
    const float TitleFontSize = 20;

    readonly Chart?[,] _cells;

    public ChartGrid(int rows, int columns) : base(CellWidth * CheckCount(columns, nameof(columns)), CellHeight * CheckCount(rows, nameof(rows)))
    {
        _cells = new Chart?[rows, columns];
    }

    public int Rows => _cells.GetLength(0);

    public int Columns => _cells.GetLength(1);

    /// <summary>A title across the top of the whole grid (matplotlib's suptitle).</summary>
    public string? Title { get; set; }

    public Chart this[int row, int column]
    {
        get
        {
            CheckCell(row, column);
            return _cells[row, column] ??= new Chart();
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            CheckCell(row, column);
            _cells[row, column] = value;
        }
    }

    internal override void Draw(SKCanvas canvas, PixelRect area)
    {
        var top = area.Top;
        if (!string.IsNullOrEmpty(Title))
        {
            DrawTitle(canvas, Title, area.HorizontalCenter, area.Top);
            top += TitleBandHeight;
        }
        var cellWidth = area.Width / Columns;
        var cellHeight = (area.Bottom - top) / Rows;
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                if (_cells[row, column] is not { } chart)
                    continue;
                var left = area.Left + column * cellWidth;
                var cellTop = top + row * cellHeight;
                chart.Draw(canvas, new PixelRect(left, left + cellWidth, cellTop + cellHeight, cellTop));
            }
        }
    }

    static void DrawTitle(SKCanvas canvas, string title, float centerX, float top)
    {
        using var font = new SKFont(ChartFont.Typeface(bold: true), TitleFontSize);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, centerX, top + TitleBandHeight / 2 + TitleFontSize * 0.35f, SKTextAlign.Center, font, paint);
    }

    void CheckCell(int row, int column)
    {
        if (row < 0 || row >= Rows)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"this grid has rows 0 to {Rows - 1}");
        if (column < 0 || column >= Columns)
            throw new ArgumentOutOfRangeException(nameof(column), column, $"this grid has columns 0 to {Columns - 1}");
    }

    static int CheckCount(int count, string name) => count is >= 1 and <= 12
        ? count
        : throw new ArgumentOutOfRangeException(name, count, $"a chart grid has 1 to 12 {name}");
}
