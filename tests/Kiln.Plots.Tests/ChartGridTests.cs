namespace Kiln.Plots.Tests;

public sealed class ChartGridTests
{
    static ChartGrid TwoByTwo()
    {
        var grid = new ChartGrid(2, 2) { Title = "Titanic at a glance" };
        grid[0, 0].Histogram([22, 38, 26, 35, 35, 54, 2, 27, 14, 4], bins: 5).Title = "Age";
        grid[0, 1].Scatter([7.25, 71.3, 7.9, 53.1], [22, 38, 26, 35]).Title = "Fare against age";
        grid[1, 0].Bar(["S", "C", "Q"], [644, 168, 77]).Title = "Embarked";
        grid[1, 1].CorrelationHeatmap(new double[,] { { 1, -0.1 }, { -0.1, 1 } }, ["age", "fare"]).Title = "Correlation";
        return grid;
    }

    [Fact]
    public void A_two_by_two_grid_renders_at_the_requested_overall_size()
    {
        var png = DecodedPng.From(TwoByTwo().ToPng(900, 700));

        Assert.Equal(900, png.Width);
        Assert.Equal(700, png.Height);
        Assert.True(png.FractionNotWhite > 0.05);
    }

    [Fact]
    public void Every_quadrant_of_a_two_by_two_grid_is_drawn()
    {
        var png = DecodedPng.From(TwoByTwo().ToPng(800, 600));

        for (var row = 0; row < 2; row++)
        for (var column = 0; column < 2; column++)
        {
            var drawn = 0;
            for (var y = row * 300; y < (row + 1) * 300; y++)
            for (var x = column * 400; x < (column + 1) * 400; x++)
                drawn += png.Pixels[y * 800 + x] == SkiaSharp.SKColors.White ? 0 : 1;
            Assert.True(drawn > 400 * 300 / 50, $"quadrant ({row}, {column}) is almost blank");
        }
    }

    [Fact]
    public void Grid_svg_holds_the_grid_title_and_every_subplot_title()
    {
        var texts = SvgTexts.Of(TwoByTwo().ToSvg());

        Assert.Contains("Titanic at a glance", texts);
        Assert.Contains("Age", texts);
        Assert.Contains("Fare against age", texts);
        Assert.Contains("Embarked", texts);
        Assert.Contains("Correlation", texts);
    }

    [Fact]
    public void Default_size_grows_with_rows_and_columns()
    {
        var grid = new ChartGrid(1, 3);

        Assert.Equal(3 * ChartGrid.CellWidth, grid.Width);
        Assert.Equal(ChartGrid.CellHeight, grid.Height);
        Assert.Equal(3 * ChartGrid.CellWidth, DecodedPng.From(grid.ToPng()).Width);
    }

    [Fact]
    public void Cells_outside_the_grid_are_rejected()
    {
        var grid = new ChartGrid(2, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => grid[2, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => grid[0, -1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartGrid(0, 2));
    }

    [Fact]
    public void A_chart_can_be_placed_into_a_cell()
    {
        var grid = new ChartGrid(1, 2);
        var chart = new Chart("Placed").Line([1, 2, 3], [3, 1, 2]);

        grid[0, 1] = chart;

        Assert.Same(chart, grid[0, 1]);
        Assert.Contains("Placed", SvgTexts.Of(grid.ToSvg()));
    }
}
