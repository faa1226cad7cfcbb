using Kiln.Data;
using Kiln.Learn.NaiveBayes;

namespace Kiln.Learn.Tests.NaiveBayes;

public class NaiveBayesBehaviourTests
{
    static Frame Counts(params double[][] rows) =>
        new([.. Enumerable.Range(0, rows[0].Length).Select(j => (Column)new Float64Column($"w{j}", [.. rows.Select(r => r[j])]))]);

    static string[] Labels(Column column) => [.. Enumerable.Range(0, column.Length).Select(column.Format)];

    [Fact]
    public void Multinomial_fit_rejects_a_negative_count_naming_the_column_and_row()
    {
        var features = Counts([1, 2], [0, -3], [4, 1]);
        var error = Assert.Throws<ArgumentException>(() => new MultinomialNaiveBayes().Fit(features, new StringColumn("y", ["a", "b", "a"])));
        Assert.Contains("'w1'", error.Message);
        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void Complement_fit_rejects_a_negative_count_naming_the_column()
    {
        var features = Counts([-1, 2], [0, 3]);
        var error = Assert.Throws<ArgumentException>(() => new ComplementNaiveBayes().Fit(features, new StringColumn("y", ["a", "b"])));
        Assert.Contains("'w0'", error.Message);
    }

    [Fact]
    public void Gaussian_classes_come_out_in_ascending_order_with_priors_from_their_counts()
    {
        var features = Counts([0.0], [0.2], [5.0], [5.3], [5.1]);
        var model = new GaussianNaiveBayes().Fit(features, new StringColumn("y", ["zebra", "zebra", "ant", "ant", "ant"]));
        Assert.Equal(["ant", "zebra"], Labels(model.Classes));
        Assert.Equal(Math.Log(0.6), model.ClassLogPriors[0], 12);
        Assert.Equal(["zebra", "ant"], Labels(model.Predict(Counts([0.1], [5.2]))));
    }

    [Fact]
    public void Bernoulli_counts_values_above_the_threshold_as_present()
    {
        var features = Counts([9, 0], [8, 1], [1, 9], [0, 7]);
        var target = new StringColumn("y", ["left", "left", "right", "right"]);
        var atFive = new BernoulliNaiveBayes { Binarize = 5 }.Fit(features, target);
        Assert.Equal(["left", "right"], Labels(atFive.Predict(Counts([6, 2], [2, 6]))));
        // with a threshold of 10 nothing is present, so every row looks alike and the tie goes to the first class
        var atTen = new BernoulliNaiveBayes { Binarize = 10 }.Fit(features, target);
        Assert.Equal(["left", "left"], Labels(atTen.Predict(Counts([6, 2], [2, 6]))));
    }

    [Fact]
    public void Multinomial_without_fitted_priors_treats_classes_as_equally_likely()
    {
        var features = Counts([3, 1], [3, 1], [3, 1], [1, 3]);
        var target = new StringColumn("y", ["a", "a", "a", "b"]);
        var model = new MultinomialNaiveBayes { FitPrior = false }.Fit(features, target);
        Assert.Equal(-Math.Log(2), model.ClassLogPriors[0], 12);
        Assert.Equal(-Math.Log(2), model.ClassLogPriors[1], 12);
    }
}
