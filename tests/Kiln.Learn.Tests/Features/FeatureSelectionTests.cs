using Kiln.Data;
using Kiln.Learn.Features;

namespace Kiln.Learn.Tests.Features;

public class FeatureSelectionTests
{
    static readonly Frame Counts = new(
        new Float64Column("a", [1, 0, 3, 2, 0, 5]),
        new Int64Column("b", [0, 2, 1, 2, 4, 0]),
        new Float64Column("c", [3, 1, 0, 5, 1, 2]),
        new Float64Column("d", [2.5, 0.5, 4.0, 1.0, 3.5, 2.0]));

    static readonly StringColumn Labels = new("label", ["a", "b", "a", "b", "b", "a"]);
    static readonly Float64Column Amounts = new("amount", [1.0, 2.5, 0.3, 4.2, 3.3, 0.1]);

    [Fact]
    public void Chi2_scores_match_scikit_learn()
    {
        var model = new SelectKBest { ScoreFunction = ScoreFunction.Chi2, K = 2 }.Fit(Counts, Labels);
        // scikit-learn: chi2(X, y)[0]
        double[] expected = [4.45454545454545, 5.44444444444444, 0.333333333333333, 0.907407407407407];
        for (var j = 0; j < 4; j++) Assert.Equal(expected[j], model.Scores[j], 1e-12);
        Assert.Equal(["a", "b"], model.OutputNames);
    }

    [Fact]
    public void Anova_f_scores_match_scikit_learn()
    {
        var model = new SelectKBest { K = 1 }.Fit(Counts, Labels);
        double[] expected = [3.0625, 9.8, 0.173913043478261, 1.11363636363636];
        for (var j = 0; j < 4; j++) Assert.Equal(expected[j], model.Scores[j], 1e-12);
        Assert.Equal(["b"], model.OutputNames);
    }

    [Fact]
    public void Regression_f_scores_match_scikit_learn()
    {
        var model = new SelectKBest { ScoreFunction = ScoreFunction.FRegression, K = 2 }.Fit(Counts, Amounts);
        double[] expected = [2.46103739, 5.69210253, 1.18032787, 0.81489842];
        for (var j = 0; j < 4; j++) Assert.Equal(expected[j], model.Scores[j], 1e-7);
        Assert.Equal(["a", "b"], model.OutputNames);
    }

    [Fact]
    public void Kept_columns_keep_their_type_and_values()
    {
        var output = new SelectKBest { K = 1 }.Fit(Counts, Labels).Transform(Counts);
        Assert.Equal(Counts["b"], output["b"]);
    }

    [Fact]
    public void K_none_keeps_every_column()
    {
        var model = new SelectKBest { K = null }.Fit(Counts, Labels);
        Assert.Equal(["a", "b", "c", "d"], model.OutputNames);
    }

    [Fact]
    public void Chi2_rejects_a_negative_value_by_column()
    {
        var frame = Counts.WithColumn(new Float64Column("c", [3, 1, -1, 5, 1, 2]));
        var error = Assert.Throws<ArgumentException>(() => new SelectKBest { ScoreFunction = ScoreFunction.Chi2 }.Fit(frame, Labels));
        Assert.Contains("'c'", error.Message);
    }

    [Fact]
    public void Fitting_without_a_target_says_one_is_needed()
    {
        var error = Assert.Throws<ArgumentException>(() => new SelectKBest().Fit(Counts));
        Assert.Contains("target", error.Message);
    }

    [Fact]
    public void Missing_values_are_rejected_when_fitting_and_transforming()
    {
        var model = new SelectKBest { K = 1 }.Fit(Counts, Labels);
        var withGap = Counts.WithColumn(new Float64Column("a", [1, double.NaN, 3, 2, 0, 5]));
        Assert.Throws<SchemaMismatchException>(() => new SelectKBest().Fit(withGap, Labels));
        Assert.Throws<SchemaMismatchException>(() => model.Transform(withGap));
    }

    static Frame MutualInformationSample(out Column classes, out Column target)
    {
        var x1 = new double[60];
        var x2 = new double[60];
        var labels = new long[60];
        var y = new double[60];
        for (var i = 0; i < 60; i++)
        {
            x1[i] = Math.Sqrt(i * 37 % 61 + 0.5) * 2;
            x2[i] = Math.Sqrt(i * 23 % 59 + 0.3) - i * 0.0137;
            labels[i] = x1[i] > 8 ? 1 : 0;
            y[i] = Math.Abs(x1[i] - 8) + 0.5 * Math.Sqrt(x2[i] + 1);
        }
        classes = new Int64Column("class", labels);
        target = new Float64Column("y", y);
        return new Frame(new Float64Column("x1", x1), new Float64Column("x2", x2));
    }

    [Fact]
    public void Mutual_information_with_classes_matches_scikit_learn()
    {
        var frame = MutualInformationSample(out var classes, out _);
        var model = new SelectKBest { ScoreFunction = ScoreFunction.MutualInfoClassif, K = 1 }.Fit(frame, classes);
        // scikit-learn: mutual_info_classif(X, y, random_state=0), the same for any seed on this tie-free data
        Assert.Equal(0.5600103596493321, model.Scores[0], 1e-9);
        Assert.Equal(0.1583110584127736, model.Scores[1], 1e-9);
    }

    [Fact]
    public void Mutual_information_with_a_number_matches_scikit_learn()
    {
        var frame = MutualInformationSample(out _, out var target);
        var three = new SelectKBest { ScoreFunction = ScoreFunction.MutualInfoRegression, K = 1 }.Fit(frame, target);
        Assert.Equal(1.678786108420973, three.Scores[0], 1e-9);
        Assert.Equal(0.481017930559664, three.Scores[1], 1e-9);
        var five = new SelectKBest { ScoreFunction = ScoreFunction.MutualInfoRegression, Neighbors = 5 }.Fit(frame, target);
        Assert.Equal(1.352081556716866, five.Scores[0], 1e-9);
        Assert.Equal(0.47882817941576405, five.Scores[1], 1e-9);
    }

    [Fact]
    public void Mutual_information_is_reproducible_for_a_seed_on_tied_data()
    {
        var frame = new Frame(new Float64Column("x", [.. Enumerable.Range(0, 40).Select(i => (double)(i % 5))]));
        var target = new Float64Column("y", [.. Enumerable.Range(0, 40).Select(i => (double)(i % 3))]);
        var estimator = new SelectKBest { ScoreFunction = ScoreFunction.MutualInfoRegression, Seed = 7 };
        Assert.Equal(estimator.Fit(frame, target).Scores, estimator.Fit(frame, target).Scores);
    }

    [Fact]
    public void Variance_threshold_keeps_columns_above_it_with_scikit_learns_variances()
    {
        var model = new VarianceThreshold { Threshold = 2 }.Fit(Counts);
        // scikit-learn: VarianceThreshold().fit(X).variances_
        double[] expected = [3.13888888888889, 1.91666666666667, 2.66666666666667, 1.5625];
        for (var j = 0; j < 4; j++) Assert.Equal(expected[j], model.Variances[j], 1e-12);
        Assert.Equal(["a", "c"], model.OutputNames);
    }

    [Fact]
    public void Variance_threshold_zero_drops_constant_columns()
    {
        var frame = Counts.WithColumn(new Float64Column("constant", [0.1, 0.1, 0.1, 0.1, 0.1, 0.1]));
        Assert.DoesNotContain("constant", new VarianceThreshold().Fit(frame).OutputNames);
    }

    [Fact]
    public void Variance_threshold_above_every_column_says_so()
    {
        var error = Assert.Throws<ArgumentException>(() => new VarianceThreshold { Threshold = 10 }.Fit(Counts));
        Assert.Contains("'threshold'", error.Message);
    }

    [Fact]
    public void Saved_selectors_load_with_their_scores_and_selection()
    {
        var model = new SelectKBest { ScoreFunction = ScoreFunction.Chi2, K = 3 }.Fit(Counts, Labels);
        var loaded = RoundTrip.Through(model);
        Assert.Equal(model.Scores, loaded.Scores);
        Assert.Equal(model.OutputNames, loaded.OutputNames);
        var variance = new VarianceThreshold { Threshold = 2 }.Fit(Counts);
        Assert.Equal(variance.OutputNames, RoundTrip.Through(variance).OutputNames);
    }
}
