using static Kiln.Data.Tests.Frames.ColumnValues;

namespace Kiln.Data.Tests.Frames;

public class MissingValueTests
{
    static Frame Survey() => new(
        new Float64Column("age", [20, double.NaN, 40, double.NaN, 30]),
        new StringColumn("port", ["S", "C", null, "C", null]),
        new Int64Column("visits", [1, 2, 3, 4, 5], [false, false, true, false, false]));

    [Fact]
    public void Dropping_rows_with_any_missing_value_keeps_only_complete_rows()
    {
        Assert.Equal([20], Numbers(Survey().DropMissing(), "age"));
    }

    [Fact]
    public void Dropping_by_a_subset_looks_only_at_those_columns()
    {
        Assert.Equal([20, 40, 30], Numbers(Survey().DropMissing("age"), "age"));
    }

    [Fact]
    public void Dropping_rows_where_all_are_missing_keeps_partly_filled_rows()
    {
        var frame = new Frame(
            new Float64Column("a", [1, double.NaN, double.NaN]),
            new StringColumn("b", [null, "x", null]));
        var kept = frame.DropMissing(MissingRowRule.All);
        Assert.Equal(2, kept.RowCount);
        Assert.True(kept["a"].IsMissing(1));
    }

    [Fact]
    public void Filling_with_the_mean_or_median_uses_the_present_values()
    {
        Assert.Equal([20, 30, 40, 30, 30], Numbers(Survey().FillMissing(MissingFill.Mean, "age"), "age"));
        var skewed = new Frame(new Float64Column("x", [1, 2, 100, double.NaN]));
        Assert.Equal(2, skewed.FillMissing(MissingFill.Median).Column<Float64Column>("x")[3]);
    }

    [Fact]
    public void Filling_with_the_mode_picks_the_most_frequent_value_and_the_smallest_on_a_tie()
    {
        Assert.Equal(["S", "C", "C", "C", "C"], Texts(Survey().FillMissing(MissingFill.Mode, "port"), "port"));
        var tie = new Frame(new StringColumn("k", ["b", "a", null, "b", "a"]));
        Assert.Equal("a", tie.FillMissing(MissingFill.Mode).Column<StringColumn>("k")[2]);
    }

    [Fact]
    public void Forward_fill_repeats_the_last_value_and_leaves_leading_gaps()
    {
        var frame = new Frame(new Float64Column("x", [double.NaN, 1, double.NaN, double.NaN, 4]));
        var filled = Numbers(frame.FillMissing(MissingFill.ForwardFill), "x");
        Assert.True(double.IsNaN(filled[0]));
        Assert.Equal([1, 1, 1, 4], filled[1..]);
    }

    [Fact]
    public void A_fixed_value_fills_only_columns_of_its_type_when_no_column_is_named()
    {
        var filled = Survey().FillMissing(MissingFill.With("unknown"));
        Assert.Equal(["S", "C", "unknown", "C", "unknown"], Texts(filled, "port"));
        Assert.Equal(2, filled["age"].MissingCount);
        var numbers = Survey().FillMissing(MissingFill.With(0));
        Assert.Equal([20, 0, 40, 0, 30], Numbers(numbers, "age"));
        Assert.Equal([1, 2, 0, 4, 5], Integers(numbers, "visits"));
        Assert.False(numbers.Column<Int64Column>("visits").HasMissing);
    }

    [Fact]
    public void Each_column_can_be_filled_its_own_way()
    {
        var filled = Survey().FillMissing(new Dictionary<string, MissingFill>
        {
            ["age"] = MissingFill.Median,
            ["port"] = MissingFill.With("S"),
        });
        Assert.Equal(0, filled["age"].MissingCount);
        Assert.Equal(0, filled["port"].MissingCount);
        Assert.Equal(1, filled["visits"].MissingCount);
    }

    [Fact]
    public void Filling_an_int64_column_with_its_mean_makes_it_float64()
    {
        var filled = Survey().FillMissing(MissingFill.Mean, "visits");
        Assert.Equal(3, filled.Column<Float64Column>("visits")[2]);
    }

    [Fact]
    public void A_fill_that_does_not_suit_a_named_column_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => Survey().FillMissing(MissingFill.Mean, "port"));
        Assert.Contains("'port'", error.Message);
    }

    [Fact]
    public void A_value_fill_without_a_value_is_refused_saying_how_to_give_one()
    {
        var error = Assert.Throws<ArgumentException>(() => Survey().FillMissing(new MissingFill(FillStrategy.Value)));
        Assert.Equal("fill", error.ParamName);
        Assert.Contains("MissingFill.With", error.Message);
    }
}
