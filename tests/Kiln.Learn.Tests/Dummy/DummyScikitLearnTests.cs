using Kiln.Data;
using Kiln.Learn.Dummy;

namespace Kiln.Learn.Tests.Dummy;

public class DummyScikitLearnTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases() => ScikitLearnFixtures.Named("dummy-classifier", "dummy-regressor");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predictions_and_probabilities_equal_scikit_learns(string name)
    {
        var c = ScikitLearnFixtures.Get(name);
        var (train, trainTarget, test, testTarget) = ScikitLearnFixtures.Split(c);
        var model = (IPredictorModel)EstimatorCatalog.Create(c.Estimator, c.Parameters).Fit(train, trainTarget);
        var predicted = model.Predict(test).AsFloat64().Values.ToArray();
        Assert.Equal(c.Predictions!.Length, predicted.Length);
        for (var i = 0; i < predicted.Length; i++)
            Assert.True(Math.Abs(c.Predictions[i] - predicted[i]) <= 1e-12 * Math.Max(1, Math.Abs(c.Predictions[i])),
                $"{name}: row {i} predicted {predicted[i]:R}, scikit-learn {c.Predictions[i]:R}");
        Assert.Equal(100 * c.Score, ScikitLearnFixtures.ScorePoints(c.Metric, testTarget, model.Predict(test)), 9);
        if (c.Probabilities is not { } reference) return;
        var probabilities = ((IClassifierModel)model).PredictProbabilities(test);
        for (var i = 0; i < reference.Length; i++)
            for (var k = 0; k < reference[i].Length; k++)
                Assert.Equal(reference[i][k], probabilities[k].AsFloat64()[i], 12);
    }

    [Theory]
    [InlineData("iris")]
    [InlineData("wine")]
    [InlineData("breast-cancer")]
    public void Class_priors_under_sample_weights_equal_scikit_learns(string dataset)
    {
        var (train, target) = TrainingRows($"neighbors-{dataset}.csv");
        var model = new DummyClassifier().Fit(train, target, new FitContext { SampleWeights = Pattern(train.RowCount) });
        var expected = ScikitLearnFixtures.Doubles(ScikitLearnFixtures.Expected("dummy-expected.json", "weighted")[$"dummy-classifier on {dataset}"]!["class-priors"]!);
        Assert.Equal(expected.Length, model.ClassPriors.Count);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], model.ClassPriors[k], 12);
    }

    [Fact]
    public void The_mean_under_sample_weights_equals_scikit_learns()
    {
        var (train, target) = TrainingRows("neighbors-diabetes.csv");
        var model = new DummyRegressor().Fit(train, target, new FitContext { SampleWeights = Pattern(train.RowCount) });
        var expected = ScikitLearnFixtures.Expected("dummy-expected.json", "weighted")["dummy-regressor on diabetes"]!["prediction"]!.GetValue<double>();
        Assert.Equal(expected, model.Prediction, 9);
    }

    /// <summary>The weights the fixture script gives the training rows: 1, 2, 3, 1, 2, 3 …</summary>
    static double[] Pattern(int rows) => [.. Enumerable.Range(0, rows).Select(i => 1.0 + i % 3)];

    static (Frame Features, Column Target) TrainingRows(string file)
    {
        var frame = ScikitLearnFixtures.Csv(file);
        var split = frame["split"];
        var train = Enumerable.Range(0, frame.RowCount).Where(i => split.Format(i) == "train").ToArray();
        var rows = frame.Take(train);
        return (rows.Drop("target", "split"), rows["target"]);
    }
}
