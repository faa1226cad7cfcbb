using Kiln.Data;
using Kiln.Learn.Linear;

namespace Kiln.Learn.Tests.Linear;

public class LinearSvmTests
{
    public static IEnumerable<TheoryDataRow<string>> SvmCases() => ScikitLearnFixtures.Named("linear-svm");

    [Theory]
    [MemberData(nameof(SvmCases))]
    public void Coefficients_and_held_out_accuracy_match_scikit_learns_linear_svc(string name)
    {
        var (model, c, train) = ScikitLearnFixtures.FitWithinOnePoint<LinearClassifierModel>(name);
        var matrix = model.CoefficientMatrix;
        Assert.Equal(c.Coefficients!.Length, matrix.GetLength(0));
        for (var k = 0; k < c.Coefficients.Length; k++)
        {
            // the dual problem's solution is unique, so a different visiting order still lands within 1e-3 of liblinear's
            var scale = c.Coefficients[k].Max(Math.Abs);
            for (var j = 0; j < c.Coefficients[k].Length; j++)
                Assert.True(Math.Abs(c.Coefficients[k][j] - matrix[k, j]) <= 1e-3 * scale,
                    $"{name}: row {k}, coefficient of {train[j].Name}: expected {c.Coefficients[k][j]}, got {matrix[k, j]}");
            Assert.True(Math.Abs(c.Intercept![k] - model.Intercepts[k]) <= 1e-3 * scale, $"{name}: intercept {k}: expected {c.Intercept[k]}, got {model.Intercepts[k]}");
        }
    }

    [Fact]
    public void A_target_with_one_class_is_refused_naming_the_target()
    {
        var x = new Frame(new Float64Column("a", [1, 2, 3]));
        var error = Assert.Throws<ArgumentException>(() => new LinearSvm().Fit(x, new StringColumn("churned", ["no", "no", "no"])));
        Assert.Contains("'churned'", error.Message);
    }

    [Fact]
    public void Probabilities_are_the_softmax_of_the_decision_values_and_agree_with_the_prediction()
    {
        var c = ScikitLearnFixtures.Get("squared-hinge linear svm on wine");
        var (train, target, test, _) = ScikitLearnFixtures.Split(c);
        var model = new LinearSvm { C = 0.1 }.Fit(train, target);
        Assert.Equal(LinearScoreProbability.Softmax, model.Probability);
        var probabilities = model.PredictProbabilities(test);
        var predicted = model.Predict(test);
        var w = model.CoefficientMatrix;
        for (var i = 0; i < test.RowCount; i++)
        {
            var scores = Enumerable.Range(0, 3).Select(k => Enumerable.Range(0, test.ColumnCount).Sum(j => w[k, j] * test[j].AsFloat64()[i]) + model.Intercepts[k]).ToArray();
            var total = scores.Sum(Math.Exp);
            for (var k = 0; k < 3; k++)
                Assert.Equal(Math.Exp(scores[k]) / total, probabilities[k].AsFloat64()[i], 1e-9);
            var best = Enumerable.Range(0, 3).MaxBy(k => probabilities[k].AsFloat64()[i]);
            Assert.Equal(model.Classes.Format(best), predicted.Format(i));
        }
    }

    [Fact]
    public void A_smaller_c_shrinks_the_coefficients()
    {
        var c = ScikitLearnFixtures.Get("hinge linear svm on breast cancer");
        var (train, target, _, _) = ScikitLearnFixtures.Split(c);
        double Norm(LinearClassifierModel m) { var w = m.CoefficientMatrix; return Enumerable.Range(0, w.GetLength(1)).Sum(j => w[0, j] * w[0, j]); }
        Assert.True(Norm(new LinearSvm { C = 0.001 }.Fit(train, target)) < Norm(new LinearSvm { C = 1 }.Fit(train, target)) / 10);
    }
}
