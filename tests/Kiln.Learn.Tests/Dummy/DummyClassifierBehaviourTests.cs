using Kiln.Data;
using Kiln.Learn.Dummy;

namespace Kiln.Learn.Tests.Dummy;

public class DummyClassifierBehaviourTests
{
    // 6 "b", 3 "a", 1 "c": b is the most frequent, and sorted order puts a first
    static readonly StringColumn Target = new("y", ["b", "a", "b", "c", "b", "a", "b", "b", "a", "b"]);

    static Frame Features(int rows) => new(new Float64Column("x", [.. Enumerable.Range(0, rows).Select(i => (double)i)]));

    static string[] Labels(Column column) => [.. Enumerable.Range(0, column.Length).Select(column.Format)];

    static DummyClassifierModel Fit(DummyClassifier estimator, double[]? weights = null) =>
        estimator.Fit(Features(Target.Length), Target, new FitContext { SampleWeights = weights });

    static double[] Row(Frame probabilities, int row) => [.. probabilities.Columns.Select(c => c.AsFloat64()[row])];

    [Fact]
    public void Prior_predicts_the_most_frequent_class_with_the_class_priors_as_probabilities()
    {
        var model = Fit(new DummyClassifier());
        Assert.Equal(["a", "b", "c"], Labels(model.Classes));
        Assert.All(Labels(model.Predict(Features(4))), label => Assert.Equal("b", label));
        var probabilities = model.PredictProbabilities(Features(4));
        Assert.Equal(["a", "b", "c"], probabilities.ColumnNames);
        for (var i = 0; i < 4; i++) Assert.Equal([0.3, 0.6, 0.1], Row(probabilities, i));
    }

    [Fact]
    public void Most_frequent_gives_that_class_probability_one()
    {
        var model = Fit(new DummyClassifier { Strategy = DummyClassifierStrategy.MostFrequent });
        Assert.All(Labels(model.Predict(Features(3))), label => Assert.Equal("b", label));
        Assert.Equal([0.0, 1.0, 0.0], Row(model.PredictProbabilities(Features(3)), 2));
    }

    [Fact]
    public void Sample_weights_change_the_priors_and_so_the_most_frequent_class()
    {
        // the three "a" rows weigh 3 each: 9 against b's 6 and c's 1
        double[] weights = [.. Labels(Target).Select(label => label == "a" ? 3.0 : 1.0)];
        var model = Fit(new DummyClassifier(), weights);
        Assert.Equal(9.0 / 16, model.ClassPriors[0], 12);
        Assert.Equal("a", model.Predict(Features(1)).Format(0));
    }

    [Fact]
    public void Stratified_draws_follow_the_priors_and_match_their_one_hot_probabilities()
    {
        var model = Fit(new DummyClassifier { Strategy = DummyClassifierStrategy.Stratified, Seed = 3 });
        const int rows = 20_000;
        var predicted = Labels(model.Predict(Features(rows)));
        Assert.InRange(predicted.Count(l => l == "a") / (double)rows, 0.28, 0.32);
        Assert.InRange(predicted.Count(l => l == "b") / (double)rows, 0.58, 0.62);
        Assert.InRange(predicted.Count(l => l == "c") / (double)rows, 0.08, 0.12);
        var probabilities = model.PredictProbabilities(Features(rows));
        var classes = probabilities.ColumnNames.ToArray();
        for (var i = 0; i < 50; i++)
        {
            var row = Row(probabilities, i);
            Assert.Equal(1.0, row.Sum());
            Assert.Equal(predicted[i], classes[Array.IndexOf(row, 1.0)]);
        }
    }

    [Fact]
    public void Uniform_draws_every_class_about_equally_often_with_uniform_probabilities()
    {
        var model = Fit(new DummyClassifier { Strategy = DummyClassifierStrategy.Uniform, Seed = 5 });
        const int rows = 30_000;
        var predicted = Labels(model.Predict(Features(rows)));
        foreach (var label in new[] { "a", "b", "c" })
            Assert.InRange(predicted.Count(l => l == label) / (double)rows, 0.31, 0.356);
        Assert.Equal([1.0 / 3, 1.0 / 3, 1.0 / 3], Row(model.PredictProbabilities(Features(2)), 1));
    }

    [Theory]
    [InlineData(DummyClassifierStrategy.Stratified)]
    [InlineData(DummyClassifierStrategy.Uniform)]
    public void The_same_seed_gives_the_same_draws_and_another_seed_other_draws(DummyClassifierStrategy strategy)
    {
        var features = Features(200);
        var first = Labels(Fit(new DummyClassifier { Strategy = strategy, Seed = 42 }).Predict(features));
        var again = Labels(Fit(new DummyClassifier { Strategy = strategy, Seed = 42 }).Predict(features));
        var other = Labels(Fit(new DummyClassifier { Strategy = strategy, Seed = 43 }).Predict(features));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Constant_predicts_the_named_class_with_probability_one()
    {
        var model = Fit(new DummyClassifier { Strategy = DummyClassifierStrategy.Constant, Constant = "c" });
        Assert.All(Labels(model.Predict(Features(3))), label => Assert.Equal("c", label));
        Assert.Equal([0.0, 0.0, 1.0], Row(model.PredictProbabilities(Features(3)), 0));
    }

    [Fact]
    public void Constant_of_a_numeric_target_may_be_written_as_a_decimal()
    {
        var target = new Int64Column("y", [0, 1, 1, 2]);
        var model = new DummyClassifier { Strategy = DummyClassifierStrategy.Constant, Constant = "2.0" }.Fit(Features(4), target);
        Assert.Equal(2L, model.Predict(Features(1)).GetValue(0));
    }

    [Fact]
    public void Constant_that_is_not_a_training_class_is_an_error_naming_the_parameter_and_the_classes()
    {
        var error = Assert.Throws<ArgumentException>(() => Fit(new DummyClassifier { Strategy = DummyClassifierStrategy.Constant, Constant = "z" }));
        Assert.Contains("'constant'", error.Message);
        Assert.Contains("'z'", error.Message);
        Assert.Contains("a, b, c", error.Message);
        Assert.Equal("constant", error.ParamName);
    }

    [Fact]
    public void Constant_strategy_without_a_constant_is_an_error_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => Fit(new DummyClassifier { Strategy = DummyClassifierStrategy.Constant }));
        Assert.Contains("'constant'", error.Message);
    }

    [Fact]
    public void Strategy_is_set_by_name_in_kebab_or_scikit_learn_spelling_and_an_unknown_one_names_the_parameter()
    {
        var kebab = EstimatorCatalog.Create("dummy-classifier", new Dictionary<string, object?> { ["strategy"] = "most-frequent" });
        var snake = EstimatorCatalog.Create("dummy-classifier", new Dictionary<string, object?> { ["strategy"] = "most_frequent" });
        Assert.Equal(DummyClassifierStrategy.MostFrequent, ((DummyClassifier)kebab).Strategy);
        Assert.Equal(kebab, snake);
        var error = Assert.Throws<ArgumentException>(() => EstimatorCatalog.Create("dummy-classifier", new Dictionary<string, object?> { ["strategy"] = "mode" }));
        Assert.Contains("'strategy'", error.Message);
        Assert.Contains("most-frequent", error.Message);
    }

    [Theory]
    [InlineData(DummyClassifierStrategy.Prior)]
    [InlineData(DummyClassifierStrategy.Stratified)]
    [InlineData(DummyClassifierStrategy.Constant)]
    public void A_saved_and_loaded_model_gives_the_same_predictions_and_probabilities(DummyClassifierStrategy strategy)
    {
        var model = Fit(new DummyClassifier { Strategy = strategy, Constant = "a", Seed = 9 });
        using var folder = new Kiln.Testing.TemporaryFolder();
        var path = folder.File("dummy.kiln");
        ModelPackage.Save(model, path);
        var loaded = (DummyClassifierModel)ModelPackage.Load(path);
        var features = Features(40);
        Assert.Equal(Labels(model.Predict(features)), Labels(loaded.Predict(features)));
        var (before, after) = (model.PredictProbabilities(features), loaded.PredictProbabilities(features));
        for (var i = 0; i < 40; i++) Assert.Equal(Row(before, i), Row(after, i));
    }
}
