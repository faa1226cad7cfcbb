using Kiln.Data;
using Kiln.Learn.Ensemble;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Tests.Trees;

public class TreeBehaviourTests
{
    /// <summary>Two informative features and one of noise; the class is the sign of x0 + x1 with some labels flipped.</summary>
    static (Frame Features, Column Target) Blobs(int rows, int seed)
    {
        var random = new Random(seed);
        var (x0, x1, noise) = (new double[rows], new double[rows], new double[rows]);
        var labels = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            x0[i] = random.NextDouble() * 4 - 2;
            x1[i] = random.NextDouble() * 4 - 2;
            noise[i] = random.NextDouble();
            var positive = x0[i] + 0.5 * x1[i] > 0;
            if (random.NextDouble() < 0.1) positive = !positive;
            labels[i] = positive ? "yes" : "no";
        }
        return (new Frame(new Float64Column("x0", x0), new Float64Column("x1", x1), new Float64Column("noise", noise)), new StringColumn("label", labels));
    }

    static TreeNode[] NodesOf(FittedTree tree) => [.. Enumerable.Range(0, tree.NodeCount).Select(tree.Node)];

    static double Accuracy(Column actual, Column predicted) =>
        (double)Enumerable.Range(0, actual.Length).Count(i => actual.Format(i) == predicted.Format(i)) / actual.Length;

    [Theory]
    [InlineData("half")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("4")]
    public void Fit_rejects_a_bad_max_features_naming_the_parameter(string maxFeatures)
    {
        var (features, target) = Blobs(50, 1);
        var error = Assert.Throws<ArgumentException>(() => new DecisionTreeClassifier { MaxFeatures = maxFeatures }.Fit(features, target));
        Assert.Contains("'max-features'", error.Message);
    }

    [Fact]
    public void Min_samples_as_a_fraction_grow_the_tree_the_matching_count_grows()
    {
        var (features, target) = Blobs(400, 7);
        // ⌈0.05 · 400⌉ = 20 rows per leaf and ⌈0.2 · 400⌉ = 80 rows to split, as scikit-learn reads fractions
        var byFraction = new DecisionTreeClassifier { MinSamplesLeaf = 0.05, MinSamplesSplit = 0.2 }.Fit(features, target);
        var byCount = new DecisionTreeClassifier { MinSamplesLeaf = 20, MinSamplesSplit = 80 }.Fit(features, target);
        Assert.Equal(NodesOf(byCount.Tree), NodesOf(byFraction.Tree));
        Assert.True(byFraction.Tree.LeafCount < new DecisionTreeClassifier().Fit(features, target).Tree.LeafCount);
    }

    [Theory]
    [InlineData("min-samples-leaf", 2.5)]
    [InlineData("min-samples-split", 1.0)]
    public void Min_samples_that_are_neither_a_whole_count_nor_a_fraction_are_refused_naming_the_parameter(string parameter, double value)
    {
        var (features, target) = Blobs(50, 1);
        var estimator = EstimatorCatalog.Create("decision-tree-classifier", new Dictionary<string, object?> { [parameter] = value });
        var error = Assert.Throws<ArgumentException>(() => estimator.Fit(features, target));
        Assert.Contains($"'{parameter}'", error.Message);
    }

    [Fact]
    public void Max_samples_as_a_count_draws_the_rows_the_matching_fraction_draws()
    {
        var (features, target) = Blobs(300, 8);
        var byCount = new RandomForestClassifier { NEstimators = 8, MaxSamples = 150, Seed = 2 }.Fit(features, target);
        var byFraction = new RandomForestClassifier { NEstimators = 8, MaxSamples = 0.5, Seed = 2 }.Fit(features, target);
        for (var t = 0; t < byCount.Trees.Count; t++) Assert.Equal(NodesOf(byFraction.Trees[t]), NodesOf(byCount.Trees[t]));
        var error = Assert.Throws<ArgumentException>(() => new RandomForestClassifier { NEstimators = 2, MaxSamples = 301 }.Fit(features, target));
        Assert.Contains("'max-samples'", error.Message);
    }

    [Fact]
    public void Out_of_bag_scoring_without_bootstrap_is_refused_naming_oob_score()
    {
        var (features, target) = Blobs(50, 1);
        var error = Assert.Throws<ArgumentException>(() => new ExtraTreesClassifier { OobScore = true, NEstimators = 3 }.Fit(features, target));
        Assert.Contains("'oob-score'", error.Message);
    }

    [Fact]
    public void Missing_values_are_refused_naming_the_column_as_scikit_learn_1_2_does()
    {
        var (features, target) = Blobs(50, 1);
        var values = features.Column<Float64Column>("x1").Values.ToArray();
        values[7] = double.NaN;
        var holed = features.WithColumn(new Float64Column("x1", values));
        var error = Assert.Throws<SchemaMismatchException>(() => new RandomForestClassifier { NEstimators = 3 }.Fit(holed, target));
        Assert.Contains("'x1'", error.Message);
        var model = new DecisionTreeClassifier().Fit(features, target);
        Assert.Contains("'x1'", Assert.Throws<SchemaMismatchException>(() => model.Predict(holed)).Message);
    }

    [Fact]
    public void A_single_class_target_predicts_that_class_with_certainty()
    {
        var (features, _) = Blobs(30, 2);
        var target = new StringColumn("label", [.. Enumerable.Repeat("only", 30)]);
        var tree = new DecisionTreeClassifier().Fit(features, target);
        Assert.Equal(1, tree.Tree.NodeCount);
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal("only", tree.Predict(features).Format(i)));
        var forest = new RandomForestClassifier { NEstimators = 5 }.Fit(features, target);
        Assert.All(forest.PredictProbabilities(features)["only"].AsFloat64().Values.ToArray(), p => Assert.Equal(1.0, p));
    }

    [Fact]
    public void The_same_seed_grows_the_same_forest_and_another_seed_a_different_one()
    {
        var (features, target) = Blobs(400, 3);
        var first = new RandomForestClassifier { NEstimators = 20, Seed = 5 }.Fit(features, target);
        var again = new RandomForestClassifier { NEstimators = 20, Seed = 5 }.Fit(features, target);
        var other = new RandomForestClassifier { NEstimators = 20, Seed = 6 }.Fit(features, target);
        var p1 = first.PredictProbabilities(features)["yes"].AsFloat64().Values.ToArray();
        Assert.Equal(p1, again.PredictProbabilities(features)["yes"].AsFloat64().Values.ToArray());
        Assert.NotEqual(p1, other.PredictProbabilities(features)["yes"].AsFloat64().Values.ToArray());
        for (var t = 0; t < first.Trees.Count; t++) Assert.Equal(NodesOf(first.Trees[t]), NodesOf(again.Trees[t]));
    }

    [Fact]
    public void The_out_of_bag_score_is_close_to_the_held_out_score()
    {
        var (features, target) = Blobs(3000, 4);
        var train = Enumerable.Range(0, 2000).ToArray();
        var test = Enumerable.Range(2000, 1000).ToArray();
        var model = new RandomForestClassifier { NEstimators = 60, OobScore = true, Seed = 1 }.Fit(features.Take(train), target.Take(train));
        var heldOut = Accuracy(target.Take(test), model.Predict(features.Take(test)));
        Assert.NotNull(model.OobScore);
        Assert.InRange(model.OobScore!.Value, heldOut - 0.03, heldOut + 0.03);
        Assert.True(heldOut > 0.8, $"held-out accuracy {heldOut}");
    }

    [Fact]
    public void A_forest_soft_votes_the_mean_of_its_trees_leaf_class_fractions()
    {
        var (features, target) = Blobs(300, 5);
        var model = new ExtraTreesClassifier { NEstimators = 7, MaxDepth = 3 }.Fit(features, target);
        var probabilities = model.PredictProbabilities(features);
        var row = features.Take([11]).ToFeatureMatrix([.. features.ColumnNames]).Row(0).ToArray();
        var yes = model.Classes.Format(1) == "yes" ? 1 : 0;
        var mean = model.Trees.Average(tree =>
        {
            var leaf = tree.ValueOf(tree.LeafOf(row));
            return leaf[yes] / (leaf[0] + leaf[1]);
        });
        Assert.Equal(mean, probabilities["yes"].AsFloat64()[11], 12);
    }

    [Fact]
    public void Integer_sample_weights_grow_the_tree_repeated_rows_grow()
    {
        var (features, target) = Blobs(200, 6);
        var weights = Enumerable.Range(0, 200).Select(i => (double)(i % 3)).ToArray();
        var repeated = Enumerable.Range(0, 200).SelectMany(i => Enumerable.Repeat(i, i % 3)).ToArray();
        var weighted = new DecisionTreeClassifier { MaxDepth = 4 }.Fit(features, target, new FitContext { SampleWeights = weights });
        var copies = new DecisionTreeClassifier { MaxDepth = 4 }.Fit(features.Take(repeated), target.Take(repeated));
        Assert.Equal(NodesOf(copies.Tree), NodesOf(weighted.Tree));
        Assert.Equal(copies.FeatureImportances, weighted.FeatureImportances);
    }

    [Fact]
    public void Pruning_with_a_growing_ccp_alpha_leaves_fewer_leaves_down_to_the_root()
    {
        var (features, target) = Blobs(500, 7);
        var leaves = new[] { 0.0, 0.001, 0.003, 0.01, 0.03, 1.0 }
            .Select(alpha => new DecisionTreeClassifier { CcpAlpha = alpha }.Fit(features, target).Tree.LeafCount).ToArray();
        for (var i = 1; i < leaves.Length; i++) Assert.True(leaves[i] <= leaves[i - 1], $"leaves by alpha: {string.Join(", ", leaves)}");
        Assert.True(leaves[0] > 3 * leaves[3], $"leaves by alpha: {string.Join(", ", leaves)}");
        Assert.Equal(1, leaves[^1]);
    }

    [Fact]
    public void Max_leaf_nodes_caps_the_leaves_and_keeps_the_most_useful_splits()
    {
        var (features, target) = Blobs(500, 8);
        var model = new DecisionTreeClassifier { MaxLeafNodes = 6 }.Fit(features, target);
        Assert.Equal(6, model.Tree.LeafCount);
        Assert.True(model.FeatureImportances[2] < 0.05, "the noise feature should not be among the best splits");
    }

    [Fact]
    public void Export_text_shows_each_split_twice_and_each_leaf_once()
    {
        var (features, target) = Blobs(300, 9);
        var model = new DecisionTreeClassifier { MaxDepth = 3 }.Fit(features, target);
        var lines = model.ExportText().TrimEnd('\n').Split('\n');
        var splits = model.Tree.NodeCount - model.Tree.LeafCount;
        Assert.Equal(model.Tree.LeafCount, lines.Count(l => l.Contains("class: ")));
        Assert.Equal(splits, lines.Count(l => l.Contains(" <= ")));
        Assert.Equal(splits, lines.Count(l => l.Contains(" >  ")));
        Assert.StartsWith("|--- x", lines[0]);
        Assert.All(lines, l => Assert.Matches(@"^(\|   )*\|--- ", l));
        var dot = model.ExportGraphviz();
        Assert.StartsWith("digraph Tree {", dot);
        Assert.Equal(model.Tree.NodeCount, dot.Split('\n').Count(l => l.Contains("[label=")));
        Assert.Equal(model.Tree.NodeCount - 1, dot.Split('\n').Count(l => l.Contains(" -> ")));
    }

    [Fact]
    public void Export_text_cuts_branches_below_its_depth_limit()
    {
        var (features, target) = Blobs(300, 9);
        var model = new DecisionTreeRegressor { MaxDepth = 4 }.Fit(features, new Float64Column("y", [.. Enumerable.Range(0, 300).Select(i => (double)(i % 7))]));
        var text = model.ExportText(maxDepth: 1);
        Assert.Contains("truncated branch of depth", text);
        Assert.DoesNotContain("|   |   |   |---", text);
    }

    [Fact]
    public void A_forest_reports_each_tree_done_and_stops_when_cancelled()
    {
        var (features, target) = Blobs(300, 10);
        var reports = new List<FitProgress>();
        var progress = new ProgressRecorder(reports);
        new RandomForestClassifier { NEstimators = 12 }.Fit(features, target, new FitContext { Progress = progress });
        Assert.Equal(13, reports.Count);
        Assert.Equal(12, reports.Max(r => r.Done));
        Assert.All(reports, r => Assert.Equal(12, r.Total));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new RandomForestClassifier { NEstimators = 12 }.Fit(features, target, new FitContext { Cancellation = cancelled.Token }));
    }

    [Fact]
    public void Balanced_class_weights_raise_recall_of_a_rare_class()
    {
        var (features, target) = Blobs(1000, 11);
        // keep one "yes" in ten, so "yes" is rare
        var kept = Enumerable.Range(0, 1000).Where(i => target.Format(i) == "no" || i % 10 == 0).ToArray();
        var (x, y) = (features.Take(kept), target.Take(kept));
        int Recall(DecisionTreeClassifier estimator)
        {
            var predicted = estimator.Fit(x, y).Predict(x);
            return Enumerable.Range(0, y.Length).Count(i => y.Format(i) == "yes" && predicted.Format(i) == "yes");
        }
        Assert.True(Recall(new DecisionTreeClassifier { MaxDepth = 2, ClassWeight = Kiln.Learn.Linear.ClassWeighting.Balanced })
            > Recall(new DecisionTreeClassifier { MaxDepth = 2 }));
    }
}
