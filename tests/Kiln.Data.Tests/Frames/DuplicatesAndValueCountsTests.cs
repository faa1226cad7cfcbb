using static Kiln.Data.Tests.Frames.ColumnValues;

namespace Kiln.Data.Tests.Frames;

public class DuplicatesAndValueCountsTests
{
    static Frame Visits() => new(
        new StringColumn("city", ["Oslo", "Rome", "Oslo", null, "Rome", null, "Lima"]),
        new Float64Column("day", [1, 2, 1, double.NaN, 3, double.NaN, 1]));

    [Fact]
    public void Drop_duplicates_keeps_the_first_of_each_distinct_row_treating_missing_values_as_equal()
    {
        var distinct = Visits().DropDuplicates();
        Assert.Equal(["Oslo", "Rome", null, "Rome", "Lima"], Texts(distinct, "city"));
    }

    [Fact]
    public void Drop_duplicates_on_a_subset_judges_only_those_columns()
    {
        Assert.Equal(["Oslo", "Rome", null, "Lima"], Texts(Visits().DropDuplicates("city"), "city"));
    }

    [Fact]
    public void Value_counts_are_sorted_by_count_with_ties_in_order_of_appearance()
    {
        var counts = Visits().ValueCounts("city");
        Assert.Equal(["Oslo", "Rome", "Lima"], Texts(counts, "city"));
        Assert.Equal([2, 2, 1], Integers(counts, "count"));
    }

    [Fact]
    public void Value_counts_can_include_missing_values()
    {
        var counts = Visits().ValueCounts("city", includeMissing: true);
        Assert.Equal(["Oslo", "Rome", null, "Lima"], Texts(counts, "city"));
        Assert.Equal(7, Integers(counts, "count").Sum());
    }

    [Fact]
    public void Value_counts_of_numbers_count_each_value()
    {
        var counts = Visits().ValueCounts("day");
        Assert.Equal([1, 2, 3], Numbers(counts, "day"));
        Assert.Equal([3, 1, 1], Integers(counts, "count"));
    }
}
