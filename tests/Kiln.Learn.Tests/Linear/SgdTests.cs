using Kiln.Data;
using Kiln.Learn.Linear;

namespace Kiln.Learn.Tests.Linear;

public class SgdTests
{
    public static IEnumerable<TheoryDataRow<string>> ClassifierCases() => ScikitLearnFixtures.Named("sgd-classifier");

    public static IEnumerable<TheoryDataRow<string>> RegressorCases() => ScikitLearnFixtures.Named("sgd-regressor");

    [Theory]
    [MemberData(nameof(ClassifierCases))]
    public void Held_out_accuracy_is_within_a_point_of_scikit_learns_sgd_classifier(string name) =>
        ScikitLearnFixtures.FitWithinOnePoint<LinearClassifierModel>(name);

    [Theory]
    [MemberData(nameof(RegressorCases))]
    public void Held_out_r2_is_within_a_point_of_scikit_learns_sgd_regressor(string name) =>
        ScikitLearnFixtures.FitWithinOnePoint<LinearRegressorModel>(name);

    [Fact]
    public void A_target_with_one_class_is_refused_naming_the_target()
    {
        var x = new Frame(new Float64Column("a", [1, 2, 3]));
        var error = Assert.Throws<ArgumentException>(() => new SgdClassifier().Fit(x, new StringColumn("churned", ["no", "no", "no"])));
        Assert.Contains("'churned'", error.Message);
    }

    [Fact]
    public void Log_loss_probabilities_are_sigmoids_of_the_scores_normalised_over_the_classes()
    {
        var c = ScikitLearnFixtures.Get("log-loss sgd on wine");
        var (train, target, test, _) = ScikitLearnFixtures.Split(c);
        var model = new SgdClassifier { Loss = SgdClassifierLoss.LogLoss, Alpha = 0.01 }.Fit(train, target);
        var probabilities = model.PredictProbabilities(test);
        var w = model.CoefficientMatrix;
        for (var i = 0; i < test.RowCount; i++)
        {
            var sigmoids = Enumerable.Range(0, 3).Select(k => 1 / (1 + Math.Exp(-(Enumerable.Range(0, test.ColumnCount).Sum(j => w[k, j] * test[j].AsFloat64()[i]) + model.Intercepts[k])))).ToArray();
            for (var k = 0; k < 3; k++)
                Assert.Equal(sigmoids[k] / sigmoids.Sum(), probabilities[k].AsFloat64()[i], 1e-9);
        }
    }

    [Fact]
    public void An_l1_penalty_zeroes_coefficients()
    {
        var c = ScikitLearnFixtures.Get("elastic-net log-loss sgd on breast cancer");
        var (train, target, _, _) = ScikitLearnFixtures.Split(c);
        var model = new SgdClassifier { Loss = SgdClassifierLoss.LogLoss, Penalty = SgdPenalty.L1, Alpha = 0.05 }.Fit(train, target);
        var w = model.CoefficientMatrix;
        Assert.Contains(0.0, Enumerable.Range(0, w.GetLength(1)).Select(j => w[0, j]));
    }

    [Fact]
    public void A_different_seed_visits_rows_in_another_order_and_gives_another_model()
    {
        var c = ScikitLearnFixtures.Get("hinge sgd stopping early on breast cancer");
        var (train, target, _, _) = ScikitLearnFixtures.Split(c);
        var first = new SgdClassifier { Seed = 1 }.Fit(train, target).CoefficientMatrix;
        var second = new SgdClassifier { Seed = 2 }.Fit(train, target).CoefficientMatrix;
        Assert.NotEqual(first[0, 0], second[0, 0]);
    }

    [Fact]
    public void A_constant_learning_rate_without_eta0_is_refused_naming_eta0()
    {
        var x = new Frame(new Float64Column("a", [1, 2, 3]));
        var error = Assert.Throws<ArgumentException>(() => new SgdRegressor { LearningRate = SgdLearningRate.Constant, Eta0 = 0 }.Fit(x, new Float64Column("y", [1, 2, 3])));
        Assert.Contains("eta0", error.Message);
    }
}
