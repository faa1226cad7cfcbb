using Kiln.Testing;

namespace Kiln.Plots.Tests;

public sealed class ChartTests
{
    static readonly double[] Xs = [1, 2, 3, 4, 5, 6, 7, 8];
    static readonly double[] Ys = [2.5, 3.1, 2.2, 4.8, 5.0, 4.1, 6.3, 7.0];

    static Chart Make(string kind) => kind switch
    {
        "line" => new Chart("Line").Line(Xs, Ys, "trend"),
        "scatter" => new Chart("Scatter").Scatter(Xs, Ys),
        "bar" => new Chart("Bar").Bar(["cat", "dog", "bird"], [12, 7, 3]),
        "histogram" => new Chart("Histogram").Histogram([1, 2, 2, 3, 3, 3, 4, 4, 5, double.NaN], bins: 5),
        "box" => new Chart("Box").Box(("a", [1, 2, 3, 4, 5, 40]), ("b", [2, 3, 3, 4, 6])),
        "heatmap" => new Chart("Heatmap").Heatmap(new double[,] { { 1, 2 }, { 3, 4 } }, ["r1", "r2"], ["c1", "c2"]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown chart kind"),
    };

    [Theory]
    [InlineData("line")]
    [InlineData("scatter")]
    [InlineData("bar")]
    [InlineData("histogram")]
    [InlineData("box")]
    [InlineData("heatmap")]
    public void Each_chart_kind_renders_a_png_of_the_requested_size_that_is_not_blank(string kind)
    {
        var png = DecodedPng.From(Make(kind).ToPng(500, 350));

        Assert.Equal(500, png.Width);
        Assert.Equal(350, png.Height);
        Assert.True(png.DistinctColorCount > 10, $"{kind} has only {png.DistinctColorCount} colours");
        Assert.True(png.FractionNotWhite > 0.02, $"{kind} is almost blank ({png.FractionNotWhite:P1} drawn)");
    }

    [Fact]
    public void Svg_holds_the_title_and_axis_labels_as_text()
    {
        var chart = new Chart { Title = "Price by size", XLabel = "Living area", YLabel = "Sale price" }.Scatter(Xs, Ys);

        var svg = chart.ToSvg();
        var texts = SvgTexts.Of(svg);

        Assert.StartsWith("<?xml", svg);
        Assert.Contains($"width=\"{Chart.DefaultWidth}\"", svg);
        Assert.Contains("Price by size", texts);
        Assert.Contains("Living area", texts);
        Assert.Contains("Sale price", texts);
    }

    [Fact]
    public void Svg_escapes_markup_in_titles()
    {
        var svg = new Chart("Revenue & <costs>").Line(Xs, Ys).ToSvg(300, 200);

        Assert.Contains("Revenue &amp; &lt;costs&gt;", svg);
        Assert.DoesNotContain("<costs>", svg);
    }

    [Fact]
    public void A_chosen_colour_is_the_colour_drawn()
    {
        var png = DecodedPng.From(new Chart().Bar(["a", "b"], [3, 5], color: "#ff0000").ToPng(300, 200));

        Assert.True(png.Contains("#ff0000"));
        Assert.False(png.Contains("#1f77b4"), "the default palette colour should not appear");
    }

    [Fact]
    public void Series_without_a_colour_take_the_palette_in_turn()
    {
        var png = DecodedPng.From(new Chart().Bar(["a", "b"], [3, 5], "first").Bar(["a", "b"], [4, 2], "second").ToPng(400, 300));

        Assert.True(png.Contains("#1f77b4"));
        Assert.True(png.Contains("#ff7f0e"));
    }

    [Fact]
    public void A_custom_palette_replaces_the_default_colours()
    {
        var chart = new Chart { Palette = ChartPalette.FromHex("#00aa00") }.Histogram([1, 2, 2, 3]);

        var png = DecodedPng.From(chart.ToPng(300, 200));

        Assert.True(png.Contains("#00aa00"));
        Assert.False(png.Contains("#1f77b4"));
    }

    [Fact]
    public void Labelled_series_appear_in_the_legend_unless_the_legend_is_turned_off()
    {
        var chart = new Chart().Line(Xs, Ys, "training loss").Line(Xs, Xs, "validation loss");

        Assert.Contains("validation loss", SvgTexts.Of(chart.ToSvg()));
        chart.ShowLegend = false;
        Assert.DoesNotContain("validation loss", SvgTexts.Of(chart.ToSvg()));
    }

    [Fact]
    public void Bar_categories_are_written_under_the_axis()
    {
        var texts = SvgTexts.Of(new Chart().Bar(["setosa", "versicolor", "virginica"], [50, 50, 50]).ToSvg());

        Assert.Contains("setosa", texts);
        Assert.Contains("versicolor", texts);
        Assert.Contains("virginica", texts);
    }

    [Fact]
    public void Box_group_labels_are_written_under_the_axis()
    {
        var texts = SvgTexts.Of(new Chart().Box(("first class", [1, 2, 3]), ("third class", [2, 3, 4])).ToSvg());

        Assert.Contains("first class", texts);
        Assert.Contains("third class", texts);
    }

    [Fact]
    public void Each_box_group_takes_its_own_palette_colour()
    {
        var png = DecodedPng.From(new Chart().Box(("a", [1, 2, 3, 4]), ("b", [2, 3, 4, 5])).ToPng(400, 300));

        // The second box is Category10's orange, lightened by the box's translucency.
        Assert.Contains(png.Pixels, pixel => pixel.Red > 200 && pixel.Green is > 130 and < 190 && pixel.Blue < 110);
    }

    [Fact]
    public void Correlation_heatmap_writes_each_value_in_its_cell_and_labels_both_axes()
    {
        var correlations = new double[,] { { 1, 0.31, -0.47 }, { 0.31, 1, 0.123 }, { -0.47, 0.123, 1 } };

        var texts = SvgTexts.Of(new Chart("Correlations").CorrelationHeatmap(correlations, ["age", "fare", "parch"]).ToSvg());

        Assert.Equal(2, texts.Count(text => text == "0.31"));
        Assert.Equal(2, texts.Count(text => text == "-0.47"));
        Assert.Equal(2, texts.Count(text => text == "0.12"));
        Assert.Equal(3, texts.Count(text => text == "1.00"));
        Assert.Contains("fare", texts);
        Assert.Contains("parch", texts);
    }

    [Fact]
    public void Correlation_heatmap_colours_positive_cells_red_and_negative_cells_blue()
    {
        var png = DecodedPng.From(new Chart().CorrelationHeatmap(new double[,] { { 1, -1 }, { -1, 1 } }, ["x", "y"]).ToPng(400, 400));

        Assert.Contains(png.Pixels, pixel => pixel.Red > 90 && pixel.Red > pixel.Blue + 60);
        Assert.Contains(png.Pixels, pixel => pixel.Blue > 90 && pixel.Blue > pixel.Red + 60);
    }

    [Fact]
    public void Heatmap_without_annotation_writes_no_values()
    {
        var texts = SvgTexts.Of(new Chart().Heatmap(new double[,] { { 0.125, 0.875 } }, ["row"], ["a", "b"], annotate: false).ToSvg());

        Assert.Contains("a", texts);
        Assert.DoesNotContain("0.13", texts);
        Assert.DoesNotContain("0.88", texts);
    }

    [Fact]
    public void Heatmap_of_only_missing_values_still_renders_its_cells()
    {
        var chart = new Chart().Heatmap(new double[,] { { double.NaN, double.NaN } }, ["row"], ["a", "b"]);

        Assert.Equal(2, SvgTexts.Of(chart.ToSvg()).Count(text => text == "–"));
    }

    [Fact]
    public void Heatmap_labels_must_match_the_matrix()
    {
        var error = Assert.Throws<ArgumentException>(() => new Chart().Heatmap(new double[2, 3], ["a", "b"], ["x", "y"]));

        Assert.Contains("3 columns", error.Message);
    }

    [Fact]
    public void A_heatmap_does_not_share_its_chart()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new Chart().Heatmap(new double[1, 1], ["r"], ["c"]).Line(Xs, Ys));
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_with_both_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => new Chart().Scatter([1, 2, 3], [1, 2]));

        Assert.Contains("3", error.Message);
        Assert.Contains("2", error.Message);
    }

    [Fact]
    public void Bars_with_different_categories_cannot_share_a_chart()
    {
        Assert.Throws<ArgumentException>(() => new Chart().Bar(["a", "b"], [1, 2]).Bar(["a", "c"], [1, 2]));
    }

    [Fact]
    public void Missing_points_are_skipped_rather_than_breaking_the_render()
    {
        var chart = new Chart().Line([1, 2, double.NaN, 4], [1, double.NaN, 3, 4]).Scatter([1, 2], [double.NaN, 5]);

        var png = DecodedPng.From(chart.ToPng(300, 200));

        Assert.True(png.FractionNotWhite > 0.01);
    }

    [Fact]
    public void Save_chooses_png_or_svg_by_extension()
    {
        using var folder = new TemporaryFolder();
        var chart = Make("line");

        chart.Save(folder.File("chart.png"));
        chart.Save(folder.File("chart.SVG"));

        Assert.Equal(Chart.DefaultWidth, DecodedPng.From(File.ReadAllBytes(folder.File("chart.png"))).Width);
        Assert.Contains("Line", SvgTexts.Of(File.ReadAllText(folder.File("chart.SVG"))));
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
    }

    [Theory]
    [InlineData("chart.bmp", "'.bmp'")]
    [InlineData("chart", "without an extension")]
    public void Save_rejects_other_extensions_and_writes_nothing(string name, string expected)
    {
        using var folder = new TemporaryFolder();

        var error = Assert.Throws<ArgumentException>(() => Make("bar").Save(folder.File(name)));

        Assert.Contains(expected, error.Message);
        Assert.Contains(".png or .svg", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Sizes_outside_the_allowed_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Make("line").ToPng(0, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Chart { Width = Figure.MaximumSize + 1 });
    }
}
