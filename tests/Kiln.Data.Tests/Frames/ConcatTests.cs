namespace Kiln.Data.Tests.Frames;

public class ConcatTests
{
    [Fact]
    public void Frames_with_the_same_columns_stack_and_merge_string_dictionaries()
    {
        var first = new Frame(new StringColumn("city", ["Oslo", "Rome"]), new Int64Column("n", [1, 2]));
        var second = new Frame(new StringColumn("city", ["Rome", "Lima"]), new Int64Column("n", [3, 4], [false, true]));
        var stacked = Frame.Concat(first, second);
        var city = stacked.Column<StringColumn>("city");
        Assert.Equal(["Oslo", "Rome", "Rome", "Lima"], Enumerable.Range(0, 4).Select(i => city[i]));
        Assert.Equal(3, city.Categories.Count);
        Assert.True(stacked["n"].IsMissing(3));
        Assert.False(stacked["n"].IsMissing(1));
    }

    [Fact]
    public void Columns_missing_from_a_frame_are_filled_with_missing_values()
    {
        var first = new Frame(new Float64Column("a", [1]), new StringColumn("b", ["x"]));
        var second = new Frame(new Float64Column("a", [2]), new BoolColumn("c", [true]));
        var stacked = Frame.Concat(first, second);
        Assert.Equal(["a", "b", "c"], stacked.ColumnNames);
        Assert.True(stacked["b"].IsMissing(1));
        Assert.True(stacked["c"].IsMissing(0));
        Assert.Equal(DataType.Bool, stacked["c"].Type);
    }

    [Fact]
    public void Int64_meeting_float64_becomes_float64()
    {
        var stacked = Frame.Concat(new Frame(new Int64Column("a", [1])), new Frame(new Float64Column("a", [2.5])));
        Assert.Equal([1, 2.5], stacked.Column<Float64Column>("a").Values.ToArray());
    }

    [Fact]
    public void Mismatched_column_types_are_refused_naming_the_column()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Frame.Concat(new Frame(new StringColumn("a", ["x"])), new Frame(new Float64Column("a", [2.5]))));
        Assert.Contains("'a'", error.Message);
    }
}
