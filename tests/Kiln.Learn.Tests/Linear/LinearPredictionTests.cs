using Kiln.Data;
using Kiln.Learn.Linear;
using Kiln.Testing;

namespace Kiln.Learn.Tests.Linear;

/// <summary>Linear models predict from the frame's columns as they are: in any order, of any numeric type, with bad values named.</summary>
public sealed class LinearPredictionTests : IDisposable
{
    readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    static readonly Frame Train = new(
        new Float64Column("a", [1, 2, 3, 4, 5, 6, 7, 8]),
        new Float64Column("b", [2, 1, 4, 3, 6, 5, 8, 9]));

    static readonly Column Target = new Float64Column("y", [3.1, 1.9, 7.2, 4.8, 11.1, 7.9, 15.2, 18.1]);

    static readonly Column Classes = new StringColumn("kind", ["low", "low", "mid", "low", "mid", "high", "high", "high"]);

    [Fact]
    public void Ridge_predicts_x_dot_w_plus_b_from_columns_in_another_order_with_an_extra_column_and_integer_values()
    {
        var model = new Ridge { Alpha = 0.5 }.Fit(Train, Target);
        var input = new Frame(
            new StringColumn("note", ["x", "y", "z"]),
            new Int64Column("b", [7, -2, 0]),
            new Float64Column("a", [0.5, 10, -3]));
        var predictions = ((Float64Column)model.Predict(input)).Values.ToArray();
        double[] a = [0.5, 10, -3], b = [7, -2, 0];
        for (var i = 0; i < 3; i++)
            Assert.Equal(model.Coefficients["a"] * a[i] + model.Coefficients["b"] * b[i] + model.Intercept, predictions[i], 1e-12);
        Assert.Equal("y", model.Predict(input).Name);
    }

    [Fact]
    public void Predict_rejects_a_missing_value_naming_its_column_and_row()
    {
        var model = new Ridge().Fit(Train, Target);
        var input = new Frame(new Float64Column("a", [1, 2, 3]), new Float64Column("b", [1, 2, double.NaN]));
        var error = Assert.Throws<SchemaMismatchException>(() => model.Predict(input));
        Assert.Contains("'b'", error.Message);
        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public void Predict_probabilities_rejects_an_infinite_value_naming_its_column_even_where_the_coefficient_is_zero()
    {
        // an L1 fit zeroes a useless column, so its ∞ would vanish from a score computed as 0 · ∞ if it were not checked
        var useless = new Float64Column("noise", [0, 0, 0, 0, 0, 0, 0, 0]);
        var model = new LogisticRegression { Penalty = LogisticPenalty.L1 }.Fit(Train.WithColumn(useless), Classes);
        Assert.Equal(0, model.Coefficients[0]["noise"]);
        var input = Train.WithColumn(new Float64Column("noise", [0, 0, double.PositiveInfinity, 0, 0, 0, 0, 0]));
        var error = Assert.Throws<SchemaMismatchException>(() => model.PredictProbabilities(input));
        Assert.Contains("'noise'", error.Message);
        Assert.Contains("∞", error.Message);
    }

    [Fact]
    public void Finite_values_whose_score_overflows_are_predicted_not_refused()
    {
        var model = new Ridge().Fit(Train, Target);
        var input = new Frame(new Float64Column("a", [1e308, 1]), new Float64Column("b", [1e308, 1]));
        var predictions = ((Float64Column)model.Predict(input)).Values.ToArray();
        Assert.True(double.IsInfinity(predictions[0]));
        Assert.True(double.IsFinite(predictions[1]));
    }

    [Fact]
    public void Logistic_regression_gives_a_linear_classifier_whose_probabilities_are_the_softmax_of_its_scores()
    {
        var model = new LogisticRegression().Fit(Train, Classes);
        Assert.Equal(LinearScoreProbability.Softmax, model.Probability);
        var probabilities = model.PredictProbabilities(Train);
        var w = model.CoefficientMatrix;
        for (var i = 0; i < Train.RowCount; i++)
        {
            var scores = Enumerable.Range(0, 3).Select(k => w[k, 0] * Train[0].AsFloat64()[i] + w[k, 1] * Train[1].AsFloat64()[i] + model.Intercepts[k]).ToArray();
            var total = scores.Sum(Math.Exp);
            for (var k = 0; k < 3; k++) Assert.Equal(Math.Exp(scores[k]) / total, probabilities[k].AsFloat64()[i], 1e-12);
        }
    }

    [Fact]
    public void A_saved_logistic_regression_loads_back_with_identical_probabilities()
    {
        var model = new LogisticRegression().Fit(Train, Classes);
        var path = _folder.File("logistic.kiln");
        ModelPackage.Save(model, path);
        var loaded = Assert.IsType<LinearClassifierModel>(ModelPackage.Load(path));
        Assert.Equal(model.Probability, loaded.Probability);
        var expected = model.PredictProbabilities(Train);
        var actual = loaded.PredictProbabilities(Train);
        for (var k = 0; k < expected.ColumnCount; k++)
            Assert.Equal(((Float64Column)expected[k]).Values.ToArray(), ((Float64Column)actual[k]).Values.ToArray());
        Assert.Equal(model.Predict(Train).Format(3), loaded.Predict(Train).Format(3));
    }
}
