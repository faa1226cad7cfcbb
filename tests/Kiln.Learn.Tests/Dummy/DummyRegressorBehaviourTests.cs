using Kiln.Data;
using Kiln.Learn.Dummy;

namespace Kiln.Learn.Tests.Dummy;

public class DummyRegressorBehaviourTests
{
    static readonly Float64Column Target = new("price", [4, 1, 10, 2, 3]);

    static Frame Features(int rows) => new(new Float64Column("x", [.. Enumerable.Range(0, rows).Select(i => (double)i)]));

    static DummyRegressorModel Fit(DummyRegressor estimator, double[]? weights = null) =>
        estimator.Fit(Features(Target.Length), Target, new FitContext { SampleWeights = weights });

    [Theory]
    [InlineData(DummyRegressorStrategy.Mean, null, 4.0)]
    [InlineData(DummyRegressorStrategy.Median, null, 3.0)]
    [InlineData(DummyRegressorStrategy.Quantile, 0.0, 1.0)]
    [InlineData(DummyRegressorStrategy.Quantile, 0.25, 2.0)]
    [InlineData(DummyRegressorStrategy.Quantile, 0.6, 3.4)]
    [InlineData(DummyRegressorStrategy.Quantile, 1.0, 10.0)]
    public void Each_strategy_predicts_its_statistic_of_the_target_for_every_row(DummyRegressorStrategy strategy, double? quantile, double expected)
    {
        var model = Fit(new DummyRegressor { Strategy = strategy, Quantile = quantile });
        var predicted = model.Predict(Features(3));
        Assert.Equal("price", predicted.Name);
        Assert.All(predicted.AsFloat64().Values.ToArray(), value => Assert.Equal(expected, value, 12));
    }

    [Fact]
    public void Constant_predicts_the_constant()
    {
        Assert.Equal(-7.5, Fit(new DummyRegressor { Strategy = DummyRegressorStrategy.Constant, Constant = -7.5 }).Prediction);
    }

    [Theory]
    [InlineData(DummyRegressorStrategy.Quantile, "'quantile'")]
    [InlineData(DummyRegressorStrategy.Constant, "'constant'")]
    public void A_strategy_without_its_parameter_is_an_error_naming_the_parameter(DummyRegressorStrategy strategy, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => Fit(new DummyRegressor { Strategy = strategy }));
        Assert.Contains(parameter, error.Message);
    }

    [Fact]
    public void A_missing_target_value_is_an_error_naming_the_target_and_row()
    {
        var error = Assert.Throws<ArgumentException>(() => new DummyRegressor().Fit(Features(3), new Float64Column("price", [1, double.NaN, 3])));
        Assert.Contains("'price'", error.Message);
        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void A_quantile_outside_zero_to_one_is_refused_naming_the_parameter_and_range()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            EstimatorCatalog.Create("dummy-regressor", new Dictionary<string, object?> { ["strategy"] = "quantile", ["quantile"] = "1.5" }));
        Assert.Contains("'quantile'", error.Message);
        Assert.Contains("0 ≤ value ≤ 1", error.Message);
    }

    [Fact]
    public void The_weighted_mean_weighs_each_row()
    {
        Assert.Equal((4 + 1 + 10 * 3 + 2 + 3) / 7.0, Fit(new DummyRegressor(), [1, 1, 3, 1, 1]).Prediction, 12);
    }

    [Fact]
    public void Weighted_quantiles_equal_the_unweighted_ones_under_equal_weights_and_ignore_zero_weight_rows()
    {
        foreach (var q in new[] { 0.0, 0.1, 0.37, 0.5, 0.75, 0.99, 1.0 })
        {
            var estimator = new DummyRegressor { Strategy = DummyRegressorStrategy.Quantile, Quantile = q };
            Assert.Equal(Fit(estimator).Prediction, Fit(estimator, [2, 2, 2, 2, 2]).Prediction, 12);
            var withoutTen = estimator.Fit(Features(4), new Float64Column("price", [4, 1, 2, 3])).Prediction;
            Assert.Equal(withoutTen, Fit(estimator, [1, 1, 0, 1, 1]).Prediction, 12);
        }
    }

    [Fact]
    public void A_heavy_row_pulls_the_weighted_median_towards_it()
    {
        var median = new DummyRegressor { Strategy = DummyRegressorStrategy.Median };
        Assert.True(Fit(median, [1, 1, 20, 1, 1]).Prediction > Fit(median).Prediction);
    }

    [Fact]
    public void A_saved_and_loaded_model_predicts_the_same_value()
    {
        var model = Fit(new DummyRegressor { Strategy = DummyRegressorStrategy.Quantile, Quantile = 0.3 });
        using var folder = new Kiln.Testing.TemporaryFolder();
        var path = folder.File("dummy.kiln");
        ModelPackage.Save(model, path);
        var loaded = (DummyRegressorModel)ModelPackage.Load(path);
        Assert.Equal(model.Prediction, loaded.Prediction);
        Assert.Equal(model.Predict(Features(2)).AsFloat64().Values.ToArray(), loaded.Predict(Features(2)).AsFloat64().Values.ToArray());
    }
}
