using Kiln.Data;
using Kiln.Learn.Boosting;

namespace Kiln.Learn.Tests.Boosting;

public class BoostingBehaviourTests
{
    /// <summary>x in 0 … 99 and every fourth row missing; y is 0 below 50, 5 from 50, and 10 where x is missing.</summary>
    static (Frame X, Column Y) StepsWithMissing()
    {
        var x = new double[400];
        var y = new double[400];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i % 4 == 0 ? double.NaN : i % 100;
            y[i] = double.IsNaN(x[i]) ? 10 : x[i] < 50 ? 0 : 5;
        }
        return (new Frame([new Float64Column("x", x), new Float64Column("noise", [.. Enumerable.Range(0, 400).Select(i => (double)(i * 37 % 11))])]),
            new Float64Column("y", y));
    }

    static Frame Rows(params double[] x) => new([new Float64Column("x", x), new Float64Column("noise", new double[x.Length])]);

    [Fact]
    public void Gain_importances_sum_to_one_and_rank_the_feature_the_target_follows_first()
    {
        var (x, y) = StepsWithMissing();
        var model = new GradientBoostingRegressor { MaxIter = 20 }.Fit(x, y);
        Assert.Equal(1.0, model.FeatureImportances.Sum(), 1e-12);
        Assert.True(model.FeatureImportances[0] > 0.9, $"importance of x: {model.FeatureImportances[0]}");
    }

    [Theory]
    [InlineData("learning-rate", "0")]
    [InlineData("max-bins", "256")]
    [InlineData("max-leaf-nodes", "1")]
    [InlineData("min-samples-leaf", "0")]
    [InlineData("validation-fraction", "1")]
    [InlineData("early-stopping", "sometimes")]
    public void Fit_rejects_a_bad_parameter_naming_it(string parameter, string value)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            EstimatorCatalog.Create("gradient-boosting-regressor", new Dictionary<string, object?> { [parameter] = value }));
        Assert.Contains(parameter, error.Message);
    }

    [Fact]
    public void Fit_rejects_the_quantile_loss_without_a_quantile_naming_it()
    {
        var (x, y) = StepsWithMissing();
        var error = Assert.Throws<ArgumentException>(() => new GradientBoostingRegressor { Loss = RegressionLoss.Quantile }.Fit(x, y));
        Assert.Contains("quantile", error.Message);
    }

    [Fact]
    public void Fit_rejects_a_categorical_feature_that_is_not_a_column_naming_the_parameter()
    {
        var (x, y) = StepsWithMissing();
        var error = Assert.Throws<ArgumentException>(() => new GradientBoostingRegressor { CategoricalFeatures = "colour" }.Fit(x, y));
        Assert.Contains("categorical-features", error.Message);
        Assert.Contains("'colour'", error.Message);
    }

    [Fact]
    public void Missing_values_at_prediction_go_the_way_learned_for_them()
    {
        var (x, y) = StepsWithMissing();
        var model = new GradientBoostingRegressor { MinSamplesLeaf = 5 }.Fit(x, y);
        var predicted = model.Predict(Rows(double.NaN, 10, 80)).AsFloat64().Values.ToArray();
        Assert.Equal(10, predicted[0], 0.5);
        Assert.Equal(0, predicted[1], 0.5);
        Assert.Equal(5, predicted[2], 0.5);
        // rows predicted without a missing value beside them take the same way as with one
        Assert.Equal(predicted[1..], model.Predict(Rows(10, 80)).AsFloat64().Values.ToArray());
        Assert.True(model.Trees[0].HasRouting);
    }

    [Fact]
    public void Missing_values_unseen_in_training_go_to_the_child_with_more_rows()
    {
        var x = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        var y = x.Select(v => v < 70 ? 0.0 : 10.0).ToArray();
        var model = new GradientBoostingRegressor { MaxIter = 1, MaxLeafNodes = 2 }
            .Fit(new Frame([new Float64Column("x", x)]), new Float64Column("y", y));
        var tree = model.Trees[0];
        var root = tree.Node(0);
        var larger = tree.Samples[root.Left] > tree.Samples[root.Right] ? root.Left : root.Right;
        Assert.Equal(larger, tree.ChildOf(0, double.NaN));
        var predicted = model.Predict(new Frame([new Float64Column("x", [5.0, double.NaN])])).AsFloat64();
        Assert.Equal(predicted[0], predicted[1]);
    }

    [Fact]
    public void A_text_column_is_split_by_category_set()
    {
        var colours = new[] { "red", "green", "blue", "grey" };
        var rows = 400;
        var colour = Enumerable.Range(0, rows).Select(i => colours[i % 4]).ToArray();
        // red and blue are high: no threshold on the sorted categories (blue, green, grey, red) separates them
        var y = colour.Select((c, i) => (c is "red" or "blue" ? 10.0 : 0.0) + i % 3 * 0.01).ToArray();
        var model = new GradientBoostingRegressor().Fit(new Frame([new StringColumn("colour", colour)]), new Float64Column("y", y));
        var root = model.Trees[0];
        Assert.True(root.IsCategorical(0));
        var left = root.LeftCategories(0);
        Assert.True(left.SequenceEqual([0, 3]) || left.SequenceEqual([1, 2]), $"left set {string.Join(",", left)}");
        var predicted = model.Predict(new Frame([new StringColumn("colour", ["red", "green", "blue", "grey"])])).AsFloat64().Values.ToArray();
        Assert.Equal([10, 0, 10, 0], predicted.Select(p => Math.Round(p)));
    }

    [Fact]
    public void Early_stopping_stops_before_max_iter_when_the_validation_loss_stops_improving()
    {
        var x = Enumerable.Range(0, 2000).Select(i => (double)(i % 200)).ToArray();
        var y = x.Select(v => v < 100 ? "low" : "high").ToArray();
        var model = new GradientBoostingClassifier { EarlyStopping = EarlyStoppingMode.True, MaxIter = 1000, NIterNoChange = 5, Tol = 1e-4 }
            .Fit(new Frame([new Float64Column("x", x)]), new StringColumn("y", y));
        Assert.True(model.Iterations < 1000, $"{model.Iterations} iterations");
        Assert.Equal(model.Iterations + 1, model.ValidationLoss.Count);
        Assert.Equal(model.Iterations + 1, model.TrainingLoss.Count);
        Assert.Equal(model.Iterations, model.Trees.Count);
        // the last five losses improve on the one before them by less than tol, and one iteration earlier they had not yet stopped
        var losses = model.ValidationLoss;
        var reference = losses[^6];
        Assert.All(losses.Skip(losses.Count - 5), loss => Assert.True(loss >= reference - 1e-4));
        var earlier = losses.Take(losses.Count - 1).ToList();
        Assert.Contains(earlier.Skip(earlier.Count - 5), loss => loss < earlier[^6] - 1e-4);
    }

    [Fact]
    public void Without_early_stopping_every_iteration_runs_and_only_the_training_loss_is_recorded()
    {
        var (x, y) = StepsWithMissing();
        var model = new GradientBoostingRegressor { MaxIter = 30 }.Fit(x, y);
        Assert.Equal(30, model.Iterations);
        Assert.Empty(model.ValidationLoss);
        Assert.True(model.TrainingLoss[^1] < model.TrainingLoss[0] / 10);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_and_another_seed_another_validation_split()
    {
        var (x, y) = StepsWithMissing();
        var estimator = new GradientBoostingRegressor { EarlyStopping = EarlyStoppingMode.True, MaxIter = 20, Seed = 3 };
        var first = estimator.Fit(x, y);
        var second = estimator.Fit(x, y);
        Assert.Equal(first.ValidationLoss, second.ValidationLoss);
        Assert.Equal(first.Predict(x).AsFloat64().Values.ToArray(), second.Predict(x).AsFloat64().Values.ToArray());
        var other = (estimator with { Seed = 4 }).Fit(x, y);
        Assert.NotEqual(first.ValidationLoss, other.ValidationLoss);
    }

    [Fact]
    public void Save_and_load_predict_identically_with_missing_values_and_categories()
    {
        var c = ScikitLearnFixtures.Get("gradient-boosting-classifier on titanic");
        var (train, trainTarget, test, _) = ScikitLearnFixtures.Split(c);
        var model = new GradientBoostingClassifier { MaxIter = 30 }.Fit(train, trainTarget);
        var path = Path.Combine(Path.GetTempPath(), $"boosting-{Guid.NewGuid():N}.kiln");
        try
        {
            ModelPackage.Save(model, path);
            var loaded = (GradientBoostingClassifierModel)ModelPackage.Load(path);
            Assert.Equal(model.DecisionFunction(test), loaded.DecisionFunction(test));
            Assert.Equal(model.Iterations, loaded.Iterations);
            Assert.Equal(model.TrainingLoss, loaded.TrainingLoss);
            Assert.Contains(Enumerable.Range(0, loaded.Trees[0].NodeCount), loaded.Trees[0].IsCategorical);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_rows_leaf_values_plus_the_baseline_sum_to_its_decision_function()
    {
        var iris = ScikitLearnFixtures.Csv("neighbors-iris.csv").Drop("split");
        var f0 = iris["f0"].AsFloat64().Values.ToArray();
        for (var i = 0; i < f0.Length; i += 7) f0[i] = double.NaN;
        var features = iris.Drop("target").WithColumn(new Float64Column("f0", f0));
        var model = new GradientBoostingClassifier { MaxIter = 20 }.Fit(features, iris["target"]);
        Assert.Equal(3, model.TreesPerIteration);
        var scores = model.DecisionFunction(features);
        var columns = features.ColumnNames.Select(n => features[n].AsFloat64().Values.ToArray()).ToArray();
        for (var row = 0; row < features.RowCount; row += 5)
        {
            var values = columns.Select(c => c[row]).ToArray();
            for (var k = 0; k < 3; k++)
            {
                var sum = model.Baseline[k];
                for (var t = k; t < model.Trees.Count; t += 3) sum += model.Trees[t].Value[model.Trees[t].LeafOf(values)];
                Assert.Equal(scores[row * 3 + k], sum, 1e-9);
            }
        }
    }

    [Fact]
    public void Probabilities_are_the_softmax_of_the_decision_function()
    {
        var c = ScikitLearnFixtures.Get("gradient-boosting-classifier on wine");
        var (train, trainTarget, test, _) = ScikitLearnFixtures.Split(c);
        var model = new GradientBoostingClassifier { MaxIter = 10 }.Fit(train, trainTarget);
        var raw = model.DecisionFunction(test);
        var probabilities = model.PredictProbabilities(test);
        for (var i = 0; i < test.RowCount; i++)
        {
            var row = raw.AsSpan(i * 3, 3).ToArray();
            var total = row.Sum(Math.Exp);
            for (var k = 0; k < 3; k++) Assert.Equal(Math.Exp(row[k]) / total, probabilities[k].AsFloat64()[i], 1e-12);
        }
    }

    [Fact]
    public void Fitting_reports_iterations_done_of_max_and_can_be_cancelled()
    {
        var (x, y) = StepsWithMissing();
        var reports = new List<FitProgress>();
        new GradientBoostingRegressor { MaxIter = 12 }.Fit(x, y, context: new FitContext { Progress = new ProgressRecorder(reports) });
        Assert.Equal(12, reports.Count);
        Assert.All(reports, r => Assert.Equal(12, r.Total));
        Assert.Equal(12, reports[^1].Done);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new GradientBoostingRegressor().Fit(x, y, context: new FitContext { Cancellation = cancelled.Token }));
    }

    [Fact]
    public void Balanced_class_weights_raise_the_minority_class_recall()
    {
        var c = ScikitLearnFixtures.Get("gradient-boosting-classifier on churn");
        var (train, trainTarget, test, testTarget) = ScikitLearnFixtures.Split(c);
        int Recall(GradientBoostingClassifierModel model)
        {
            var predicted = model.Predict(test);
            return Enumerable.Range(0, test.RowCount).Count(i => testTarget.Format(i) == "1" && predicted.Format(i) == "1");
        }
        var plain = new GradientBoostingClassifier().Fit(train, trainTarget);
        var balanced = new GradientBoostingClassifier { ClassWeight = Kiln.Learn.Linear.ClassWeighting.Balanced }.Fit(train, trainTarget);
        Assert.True(Recall(balanced) > Recall(plain), $"balanced {Recall(balanced)}, plain {Recall(plain)}");
    }
}
