using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class SimpleImputerTests
{
    const double NaN = double.NaN;
    static readonly Frame Numbers = new(
        new Float64Column("a", [1, NaN, 3, 4, 10, 4]),
        new Float64Column("b", [2.5, 2.5, NaN, 7, NaN, 9]));

    // scikit-learn: SimpleImputer(strategy=s).fit(X).statistics_
    [Theory]
    [InlineData(ImputationStrategy.Mean, 4.4, 5.25)]
    [InlineData(ImputationStrategy.Median, 4.0, 4.75)]
    [InlineData(ImputationStrategy.MostFrequent, 4.0, 2.5)]
    public void Each_strategy_fills_with_the_value_scikit_learn_computes(ImputationStrategy strategy, double a, double b)
    {
        var model = new SimpleImputer { Strategy = strategy }.Fit(Numbers);
        var filled = model.Transform(Numbers);
        FrameAssert.Values([1, a, 3, 4, 10, 4], filled, "a");
        FrameAssert.Values([2.5, 2.5, b, 7, b, 9], filled, "b");
        Assert.Equal(a, (double)model.FillValue("a"), 12);
    }

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two()
    {
        var frame = new Frame(new Float64Column("odd", [9, 1, NaN, 5, 3, 7]), new Float64Column("even", [8, 2, 6, 4, NaN, NaN]));
        var model = new SimpleImputer { Strategy = ImputationStrategy.Median }.Fit(frame);
        Assert.Equal(5.0, model.FillValue("odd"));
        Assert.Equal(5.0, model.FillValue("even"));
    }

    [Fact]
    public void Median_of_a_large_column_matches_a_full_sort()
    {
        var random = new Random(7);
        var values = new double[100_001];
        for (var i = 0; i < values.Length; i++) values[i] = i % 10 == 0 ? NaN : Math.Round(random.NextDouble() * 1000, 1);
        var present = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        var expected = (present[present.Length / 2 - 1] + present[present.Length / 2]) / 2;
        var model = new SimpleImputer { Strategy = ImputationStrategy.Median }.Fit(new Frame(new Float64Column("x", values)));
        Assert.Equal(expected, model.FillValue("x"));
    }

    [Fact]
    public void Most_frequent_text_breaks_ties_by_the_smallest_value()
    {
        // scikit-learn: SimpleImputer(strategy="most_frequent") on b, a, None, b, a, c gives "a"
        var frame = new Frame(new StringColumn("city", ["b", "a", null, "b", "a", "c"]));
        var filled = new SimpleImputer { Strategy = ImputationStrategy.MostFrequent }.Fit(frame).Transform(frame).Column<StringColumn>("city");
        Assert.Equal("a", filled[2]);
        Assert.Equal(0, filled.MissingCount);
    }

    [Fact]
    public void Constant_fills_text_with_missing_value_and_numbers_with_the_parsed_fill_value()
    {
        var frame = new Frame(new StringColumn("city", ["x", null]), new Float64Column("n", [NaN, 1]));
        var textOnly = new Frame(frame["city"]);
        Assert.Equal("missing_value", new SimpleImputer { Strategy = ImputationStrategy.Constant }.Fit(textOnly).Transform(textOnly).Column<StringColumn>("city")[1]);
        var filled = new SimpleImputer { Strategy = ImputationStrategy.Constant, FillValue = "7.5" }.Fit(frame).Transform(frame);
        Assert.Equal(7.5, filled.Column<Float64Column>("n")[0]);
        Assert.Equal("7.5", filled.Column<StringColumn>("city")[1]);
    }

    [Fact]
    public void Add_indicator_appends_a_column_for_each_column_that_had_missing_values()
    {
        // scikit-learn: SimpleImputer(add_indicator=True) appends one indicator, for the column with a gap
        var frame = new Frame(new Float64Column("a", [1, NaN, 3, 4, 10, 4]), new Int64Column("c", [1, 2, 3, 4, 5, 6]));
        var model = new SimpleImputer { AddIndicator = true }.Fit(frame);
        Assert.Equal(["a", "c", "a_missing"], model.OutputNames);
        var filled = model.Transform(frame);
        FrameAssert.Values([1, 4.4, 3, 4, 10, 4], filled, "a");
        FrameAssert.Values([0, 1, 0, 0, 0, 0], filled, "a_missing");
    }

    [Fact]
    public void A_column_with_no_values_is_an_error_naming_it()
    {
        var frame = new Frame(new Float64Column("a", [1, 2]), new Float64Column("empty", [NaN, NaN]));
        var error = Assert.Throws<SchemaMismatchException>(() => new SimpleImputer().Fit(frame));
        Assert.Contains("'empty'", error.Message);
    }

    [Fact]
    public void Mean_of_a_text_column_is_an_error_naming_the_column_and_the_way_out()
    {
        var frame = new Frame(new StringColumn("city", ["x", null]));
        var error = Assert.Throws<SchemaMismatchException>(() => new SimpleImputer().Fit(frame));
        Assert.Contains("'city'", error.Message);
        Assert.Contains("most-frequent", error.Message);
    }

    [Fact]
    public void Infinity_is_rejected_by_column()
    {
        var frame = new Frame(new Float64Column("x", [1, double.PositiveInfinity, NaN]));
        var error = Assert.Throws<SchemaMismatchException>(() => new SimpleImputer().Fit(frame));
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void A_fill_value_that_is_not_a_number_is_rejected_for_numeric_columns()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimpleImputer { Strategy = ImputationStrategy.Constant, FillValue = "abc" }.Fit(Numbers));
        Assert.Contains("fill-value", error.Message);
    }

    [Fact]
    public void Integer_columns_with_missing_values_come_out_as_filled_floats()
    {
        var frame = new Frame(new Int64Column("n", [1, 0, 5], [false, true, false]));
        var filled = new SimpleImputer().Fit(frame).Transform(frame);
        FrameAssert.Values([1, 3, 5], filled, "n");
    }

    [Fact]
    public void A_saved_model_fills_the_same_values_after_loading()
    {
        var frame = Numbers.WithColumn(new StringColumn("city", ["x", null, "y", "y", null, "x"]));
        var model = new SimpleImputer { Strategy = ImputationStrategy.MostFrequent, AddIndicator = true }.Fit(frame);
        FrameAssert.Identical(model.Transform(frame), FrameAssert.Reloaded(model).Transform(frame));
    }
}
