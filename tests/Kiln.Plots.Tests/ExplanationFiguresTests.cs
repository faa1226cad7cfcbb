using Kiln.Data;
using Kiln.Learn.Trees;

namespace Kiln.Plots.Tests;

public sealed class ExplanationFiguresTests
{
    static string[] Names(int count) => [.. Enumerable.Range(0, count).Select(i => $"feature {i}")];

    [Fact]
    public void Ranking_chart_shows_the_largest_first_and_only_the_top_ones()
    {
        var values = Enumerable.Range(0, 30).Select(i => (double)((i * 7) % 30)).ToArray();
        var chart = new RankingChart("Importance", Names(30), values, top: 20);

        Assert.Equal(20, chart.ShownNames.Count);
        Assert.Equal("feature 17", chart.ShownNames[0]);
        var texts = SvgTexts.Of(chart.ToSvg());
        Assert.Contains("feature 17", texts);
        Assert.DoesNotContain("feature 0", texts);
    }

    [Fact]
    public void Ranking_chart_shortens_long_names_and_grows_with_the_bars()
    {
        var longName = new string('x', 80);
        var few = new RankingChart("t", [longName, "b", "c"], [1, 2, 3]);
        var many = new RankingChart("t", Names(20), [.. Enumerable.Range(0, 20).Select(i => (double)i)]);

        Assert.Contains(RankingChart.Shorten(longName), SvgTexts.Of(few.ToSvg()));
        Assert.True(RankingChart.Shorten(longName).Length < 50);
        Assert.True(many.Height > few.Height);
        var png = DecodedPng.From(many.ToPng());
        Assert.True(png.Contains("#1f77b4"), "the bars are not drawn in the first palette colour");
    }

    [Fact]
    public void Ranking_chart_rejects_values_that_do_not_match_the_names()
    {
        var error = Assert.Throws<ArgumentException>(() => new RankingChart("t", ["a", "b"], [1]));
        Assert.Contains("2 names but 1 values", error.Message);
    }

    [Fact]
    public void Shap_summary_orders_features_by_mean_absolute_shap_and_colours_by_value()
    {
        var random = new Random(1);
        var rows = 300;
        var values = new double[3][];
        var shap = new double[3][];
        for (var f = 0; f < 3; f++)
        {
            values[f] = [.. Enumerable.Range(0, rows).Select(_ => random.NextDouble())];
            shap[f] = [.. values[f].Select(v => (v - 0.5) * (f + 1) * (f == 1 ? 10 : 1))];
        }
        var chart = new ShapSummaryChart("SHAP", ["small", "large", "middle"], shap, values);

        Assert.Equal(["large", "middle", "small"], chart.ShownNames);
        var png = DecodedPng.From(chart.ToPng());
        Assert.True(png.Contains("#1e88e5"), "no dot has the low-value colour");
        Assert.True(png.Contains("#ff0d57"), "no dot has the high-value colour");
    }

    static DecisionTreeClassifierModel Tree(int depth)
    {
        var random = new Random(2);
        var rows = 400;
        var (x, y, labels) = (new double[rows], new double[rows], new string[rows]);
        for (var i = 0; i < rows; i++)
        {
            (x[i], y[i]) = (random.NextDouble(), random.NextDouble());
            labels[i] = Math.Sin(8 * x[i]) + y[i] > 0.6 ? "yes" : "no";
        }
        return new DecisionTreeClassifier { MaxDepth = depth }.Fit(
            new Frame(new Float64Column("monthly charges", x), new Float64Column("tenure", y)), new StringColumn("churn", labels));
    }

    [Fact]
    public void Tree_diagram_draws_the_root_split_samples_and_class_and_stops_at_the_depth_limit()
    {
        var model = Tree(depth: 7);
        var diagram = new TreeDiagram(model.Tree, [.. model.Schema.Names], ["no", "yes"], maxDepth: 2);

        Assert.Equal(7, diagram.BoxCount);
        var root = diagram.BoxTexts[0];
        var split = model.Tree.Node(0);
        Assert.StartsWith($"{model.Schema.Columns[split.Feature].Name} ≤ ", root[0]);
        Assert.Equal("samples = 400", root[1]);
        Assert.Contains(root, line => line.StartsWith("class = ", StringComparison.Ordinal));
        Assert.Contains("first 2 of 7 levels", diagram.Title);
        Assert.Contains(diagram.BoxTexts, box => box[^1] == "(…)");
        var texts = SvgTexts.Of(diagram.ToSvg());
        Assert.Contains("samples = 400", texts);
        Assert.Contains("True", texts);
    }

    [Fact]
    public void Tree_diagram_of_a_shallow_tree_draws_every_node_and_renders_a_png()
    {
        var model = Tree(depth: 2);
        var diagram = new TreeDiagram(model.Tree, [.. model.Schema.Names], ["no", "yes"]);

        Assert.Equal(model.Tree.NodeCount, diagram.BoxCount);
        Assert.DoesNotContain(diagram.BoxTexts, box => box[^1] == "(…)");
        var png = DecodedPng.From(diagram.ToPng());
        Assert.True(png.FractionNotWhite > 0.05, $"the diagram is almost blank ({png.FractionNotWhite:P1} drawn)");
    }

    [Fact]
    public void Tree_diagram_rejects_class_names_that_do_not_match_the_tree()
    {
        var model = Tree(depth: 2);
        Assert.Throws<ArgumentException>(() => new TreeDiagram(model.Tree, [.. model.Schema.Names], ["only one"]));
    }
}
