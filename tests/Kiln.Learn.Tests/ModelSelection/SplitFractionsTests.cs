using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

public class SplitFractionsTests
{
    [Fact]
    public void Percentages_parse_into_three_fractions()
    {
        Assert.Equal(new SplitFractions(0.6, 0.2, 0.2), SplitFractions.Parse("60/20/20"));
        Assert.Equal(new SplitFractions(0.8, 0, 0.2), SplitFractions.Parse("80 / 20"));
    }

    [Fact]
    public void Parts_that_do_not_sum_to_100_are_an_error_giving_the_sum()
    {
        var error = Assert.Throws<FormatException>(() => SplitFractions.Parse("60/20/10"));
        Assert.Contains("sums to 90", error.Message);
    }

    [Theory]
    [InlineData("sixty/40")]
    [InlineData("100")]
    [InlineData("50/20/20/10")]
    public void Text_that_is_not_two_or_three_percentages_is_an_error(string text) =>
        Assert.Throws<FormatException>(() => SplitFractions.Parse(text));

    [Fact]
    public void A_fraction_out_of_range_is_an_error_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SplitFractions(1.2, 0, -0.2).Check());
        Assert.Equal("fractions.Train", error.ParamName);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => new SplitFractions(0.9, 0, 0).Check());
        Assert.Equal("fractions.Test", error.ParamName);
    }

    [Theory]
    // scikit-learn 1.2: train_test_split(np.arange(n), test_size=0.25) gives these sizes
    [InlineData(10, 7, 3)]
    [InlineData(11, 8, 3)]
    [InlineData(13, 9, 4)]
    [InlineData(100, 75, 25)]
    public void Train_test_sizes_equal_scikit_learn_train_test_split(int rows, int train, int test) =>
        Assert.Equal((train, 0, test), SplitFractions.Default.Rows(rows));

    [Theory]
    [InlineData(11)]
    [InlineData(17)]
    [InlineData(101)]
    [InlineData(1003)]
    public void Three_way_sizes_are_each_within_one_row_of_exact(int rows)
    {
        var fractions = new SplitFractions(0.6, 0.25, 0.15);
        var (train, validation, test) = fractions.Rows(rows);
        Assert.Equal(rows, train + validation + test);
        Assert.True(Math.Abs(train - 0.6 * rows) < 1);
        Assert.True(Math.Abs(validation - 0.25 * rows) < 1);
        Assert.True(Math.Abs(test - 0.15 * rows) < 1);
    }

    [Fact]
    public void A_fraction_too_small_for_the_rows_is_an_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new SplitFractions(0.9, 0.01, 0.09).Rows(20));
        Assert.Equal("fractions.Validation", error.ParamName);
    }
}
