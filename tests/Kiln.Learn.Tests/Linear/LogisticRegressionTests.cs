using Kiln.Data;
using Kiln.Learn.Linear;

namespace Kiln.Learn.Tests.Linear;

public class LogisticRegressionTests
{
    public static IEnumerable<TheoryDataRow<string>> ClassifierCases() => ScikitLearnFixtures.Named("logistic-regression");

    [Theory]
    [MemberData(nameof(ClassifierCases))]
    public void Coefficients_and_held_out_accuracy_match_scikit_learn(string name)
    {
        var (model, c, train) = ScikitLearnFixtures.FitWithinOnePoint<LinearClassifierModel>(name);
        if (c.Coefficients is null) return;
        var matrix = model.CoefficientMatrix;
        Assert.Equal(c.Coefficients.Length, matrix.GetLength(0));
        for (var k = 0; k < c.Coefficients.Length; k++)
        {
            var scale = c.Coefficients[k].Max(Math.Abs);
            for (var j = 0; j < c.Coefficients[k].Length; j++)
                ScikitLearnFixtures.RequireClose(c.Coefficients[k][j], matrix[k, j], scale, $"{name}: row {k}, coefficient of {train[j].Name}");
            ScikitLearnFixtures.RequireClose(c.Intercept![k], model.Intercepts[k], scale, $"{name}: intercept {k}");
        }
    }

    [Fact]
    public void A_target_with_one_class_is_refused_naming_the_target_and_its_class()
    {
        var x = new Frame(new Float64Column("a", [1, 2, 3]));
        var error = Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(x, new StringColumn("churned", ["no", "no", "no"])));
        Assert.Contains("'churned'", error.Message);
        Assert.Contains("'no'", error.Message);
    }

    [Fact]
    public void Binary_probabilities_follow_the_log_odds_of_the_second_class()
    {
        var x = new Frame(new Float64Column("dose", [0, 1, 2, 3, 4, 5, 6, 7]));
        var y = new StringColumn("outcome", ["dead", "dead", "alive", "dead", "alive", "dead", "alive", "alive"]);
        var model = new LogisticRegression().Fit(x, y);
        Assert.Equal(1, model.CoefficientRows);
        Assert.Equal("alive", model.Classes.Format(0)); // classes in sorted order, as scikit-learn's classes_
        var z = model.Coefficients[0]["dose"] * 2 + model.Intercepts[0];
        var probabilities = model.PredictProbabilities(x);
        Assert.Equal(1 / (1 + Math.Exp(-z)), probabilities["dead"].AsFloat64()[2], 1e-12);
    }

    [Fact]
    public void A_strong_l1_penalty_zeroes_coefficients_that_l2_keeps()
    {
        var c = ScikitLearnFixtures.Get("binary logistic regression on breast cancer");
        var (train, target, _, _) = ScikitLearnFixtures.Split(c);
        var l1 = new LogisticRegression { Penalty = LogisticPenalty.L1, C = 0.02 }.Fit(train, target);
        var l2 = new LogisticRegression { C = 0.02 }.Fit(train, target);
        var l1Zeros = l1.Coefficients[0].Values.Count(v => v == 0);
        Assert.InRange(l1Zeros, 5, 9);
        Assert.DoesNotContain(0.0, l2.Coefficients[0].Values);
    }

    [Fact]
    public void Balanced_class_weights_raise_the_recall_of_a_rare_class()
    {
        var random = new Random(5);
        var n = 400;
        var values = new double[n];
        var labels = new string[n];
        for (var i = 0; i < n; i++)
        {
            var rare = i % 10 == 0;
            labels[i] = rare ? "rare" : "common";
            values[i] = (rare ? 1.0 : 0.0) + random.NextDouble() * 1.5;
        }
        var x = new Frame(new Float64Column("signal", values));
        var y = new StringColumn("kind", labels);
        int RareFound(LinearClassifierModel model)
        {
            var predicted = model.Predict(x);
            return Enumerable.Range(0, n).Count(i => labels[i] == "rare" && predicted.Format(i) == "rare");
        }
        var plain = RareFound(new LogisticRegression().Fit(x, y));
        var balanced = RareFound(new LogisticRegression { ClassWeight = ClassWeighting.Balanced }.Fit(x, y));
        Assert.True(balanced > plain + 5, $"balanced found {balanced} rare rows, unweighted {plain}");
    }
}
