using System.Globalization;
using System.Text.Json.Nodes;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Tests.Trees;

public class TreeScikitLearnTests
{
    public static IEnumerable<TheoryDataRow<string>> SingleTrees() =>
        ScikitLearnFixtures.Named("decision-tree-classifier", "decision-tree-regressor");

    public static IEnumerable<TheoryDataRow<string>> Forests() =>
        ScikitLearnFixtures.Named("random-forest-classifier", "random-forest-regressor", "extra-trees-classifier", "extra-trees-regressor");

    /// <summary>The extra fields trees-fixtures.py records beside the shared ones: node count, depth, leaves and importances.</summary>
    static JsonObject Recorded(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ScikitLearnFixtures.Folder, "trees-expected.json")))!["cases"]!.AsArray()
            .Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();

    [Theory]
    [MemberData(nameof(SingleTrees))]
    public void A_single_tree_scores_within_a_point_of_scikit_learn(string name) =>
        ScikitLearnFixtures.FitWithinOnePoint<IPredictorModel>(name);

    /// <summary>Forests draw differently from scikit-learn, so the mean held-out score over five seeds is compared to scikit-learn's.</summary>
    [Theory]
    [MemberData(nameof(Forests))]
    public void A_forest_scores_within_a_point_of_scikit_learn_on_average_over_seeds(string name)
    {
        var c = ScikitLearnFixtures.Get(name);
        var (train, trainTarget, test, testTarget) = ScikitLearnFixtures.Split(c);
        var mean = Enumerable.Range(0, ForestSeeds).Average(seed =>
        {
            var estimator = EstimatorCatalog.Create(c.Estimator, new Dictionary<string, object?>(c.Parameters) { ["seed"] = seed.ToString(CultureInfo.InvariantCulture) });
            var model = (IPredictorModel)estimator.Fit(train, trainTarget);
            return ScikitLearnFixtures.ScorePoints(c.Metric, testTarget, model.Predict(test));
        });
        Assert.True(Math.Abs(mean - 100 * c.Score) <= 1, $"{name}: mean held-out score {mean:F2}, scikit-learn {100 * c.Score:F2}");
    }

    const int ForestSeeds = 5;

    [Theory]
    [InlineData("decision-tree-classifier on iris")]
    [InlineData("decision-tree-classifier on wine")]
    [InlineData("decision-tree-classifier max-depth=3 on breast-cancer")]
    [InlineData("decision-tree-classifier max-leaf-nodes=8 on digits")]
    [InlineData("decision-tree-classifier ccp-alpha=0.01 on breast-cancer")]
    [InlineData("decision-tree-regressor max-depth=4 on diabetes")]
    [InlineData("decision-tree-regressor criterion=absolute-error max-depth=4 on diabetes")]
    public void A_single_tree_has_scikit_learns_shape_and_feature_importances(string name)
    {
        var (model, _, _) = ScikitLearnFixtures.FitWithinOnePoint<IPredictorModel>(name);
        var (tree, importances) = model switch
        {
            DecisionTreeClassifierModel c => (c.Tree, c.FeatureImportances),
            DecisionTreeRegressorModel r => (r.Tree, r.FeatureImportances),
            _ => throw new InvalidOperationException(name),
        };
        var recorded = Recorded(name);
        Assert.Equal(recorded["node-count"]!.GetValue<int>(), tree.NodeCount);
        Assert.Equal(recorded["depth"]!.GetValue<int>(), tree.Depth);
        Assert.Equal(recorded["leaves"]!.GetValue<int>(), tree.LeafCount);
        var expected = ScikitLearnFixtures.Doubles(recorded["importances"]!);
        for (var f = 0; f < expected.Length; f++) Assert.Equal(expected[f], importances[f], 1e-6);
    }

    [Fact]
    public void Export_text_is_scikit_learns_line_for_line()
    {
        var export = JsonNode.Parse(File.ReadAllText(Path.Combine(ScikitLearnFixtures.Folder, "trees-expected.json")))!["export-text"]!;
        var frame = ScikitLearnFixtures.Csv(export["dataset"]!.GetValue<string>());
        var train = Enumerable.Range(0, frame.RowCount).Where(i => frame["split"].Format(i) == "train").ToArray();
        var model = new DecisionTreeClassifier { MaxDepth = export["max-depth"]!.GetValue<int>(), Seed = export["seed"]!.GetValue<long>() }
            .Fit(frame.Drop("target").Drop("split").Take(train), frame["target"].Take(train));
        Assert.Equal(export["text"]!.GetValue<string>(), model.ExportText());
    }
}
