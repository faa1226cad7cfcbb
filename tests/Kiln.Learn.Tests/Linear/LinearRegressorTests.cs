using Kiln.Data;
using Kiln.Learn.Linear;

namespace Kiln.Learn.Tests.Linear;

public class LinearRegressorTests
{
    public static IEnumerable<TheoryDataRow<string>> RegressorCases() =>
        ScikitLearnFixtures.Named("linear-regression", "ridge", "lasso", "elastic-net");

    [Theory]
    [MemberData(nameof(RegressorCases))]
    public void Coefficients_and_held_out_r2_match_scikit_learn(string name)
    {
        var (model, c, train) = ScikitLearnFixtures.FitWithinOnePoint<LinearRegressorModel>(name);
        if (c.Coefficients is null) return;
        var expected = c.Coefficients[0];
        // a coefficient's scale is the largest one's: lasso zeros and tiny weights are compared absolutely
        var scale = expected.Max(Math.Abs);
        for (var j = 0; j < expected.Length; j++)
            ScikitLearnFixtures.RequireClose(expected[j], model.CoefficientValues[j], scale, $"{name}: coefficient of {train[j].Name}");
        ScikitLearnFixtures.RequireClose(c.Intercept![0], model.Intercept, Math.Abs(c.Intercept[0]), $"{name}: intercept");
    }

    [Fact]
    public void Collinear_columns_get_the_minimum_norm_solution_and_a_lower_rank()
    {
        var c = ScikitLearnFixtures.Get("least squares on collinear columns");
        var (train, trainTarget, _, _) = ScikitLearnFixtures.Split(c);
        var model = new LinearRegression().Fit(train, trainTarget);
        Assert.Equal(train.ColumnCount - 1, model.Rank);
    }

    [Fact]
    public void Coefficients_are_named_by_column()
    {
        var x = new Frame(new Float64Column("size", [1, 2, 3, 4]), new Float64Column("age", [3, 1, 4, 1]));
        var y = new Float64Column("price", [5, 5, 10, 9]); // price = 2·size + 1·age + 0 exactly
        var model = new LinearRegression().Fit(x, y);
        Assert.Equal(2, model.Coefficients["size"], 1e-12);
        Assert.Equal(1, model.Coefficients["age"], 1e-12);
        Assert.Equal(0, model.Intercept, 1e-12);
        Assert.Equal("price", model.Predict(x).Name);
    }

    [Fact]
    public void A_large_lasso_penalty_sets_every_coefficient_to_zero_and_predicts_the_mean()
    {
        var x = new Frame(new Float64Column("a", [1, 2, 3, 4]));
        var model = new Lasso { Alpha = 100 }.Fit(x, new Float64Column("y", [1, 3, 2, 6]));
        Assert.Equal(0, model.CoefficientValues[0]);
        Assert.Equal(3, model.Intercept, 1e-12);
    }

    [Fact]
    public void Elastic_net_with_l1_ratio_one_is_the_lasso()
    {
        var c = ScikitLearnFixtures.Get("lasso on diabetes");
        var (train, target, _, _) = ScikitLearnFixtures.Split(c);
        var lasso = new Lasso { Alpha = 0.3 }.Fit(train, target);
        var elastic = new ElasticNet { Alpha = 0.3, L1Ratio = 1 }.Fit(train, target);
        Assert.Equal(lasso.CoefficientValues, elastic.CoefficientValues);
    }

    [Fact]
    public void A_text_target_is_refused_by_name()
    {
        var x = new Frame(new Float64Column("a", [1, 2, 3]));
        var error = Assert.Throws<ArgumentException>(() => new Ridge().Fit(x, new StringColumn("colour", ["r", "g", "b"])));
        Assert.Contains("'colour'", error.Message);
    }

    [Fact]
    public void A_warm_started_path_gives_the_models_of_separate_fits()
    {
        var c = ScikitLearnFixtures.Get("elastic net on diabetes");
        var (train, target, _, _) = ScikitLearnFixtures.Split(c);
        var estimator = new ElasticNet { L1Ratio = 0.7, Tol = 1e-10, MaxIter = 100_000 };
        double[] alphas = [0.002, 0.5, 0.05];
        var path = estimator.FitPath(train, target, alphas);
        for (var a = 0; a < alphas.Length; a++)
        {
            var alone = (estimator with { Alpha = alphas[a] }).Fit(train, target);
            Assert.Equal(alphas[a], ((ElasticNet)path[a].Estimator).Alpha);
            var scale = alone.CoefficientValues.Max(Math.Abs);
            for (var j = 0; j < alone.CoefficientValues.Count; j++)
                ScikitLearnFixtures.RequireClose(alone.CoefficientValues[j], path[a].CoefficientValues[j], scale, $"alpha {alphas[a]}, coefficient {j}");
        }
    }
}
