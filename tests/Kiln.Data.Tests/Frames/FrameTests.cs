namespace Kiln.Data.Tests.Frames;

public class FrameTests
{
    static Frame People() => new(
        new StringColumn("name", ["Ann", "Bob", null, "Dan"]),
        new Float64Column("age", [31, double.NaN, 22, 45]),
        new Int64Column("visits", [3, 0, 7, 1], missing: [false, false, false, true]));

    [Fact]
    public void Shape_counts_rows_and_columns()
    {
        Assert.Equal((4, 3), People().Shape);
    }

    [Fact]
    public void Columns_of_different_lengths_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Frame(new Float64Column("a", [1, 2]), new Float64Column("b", [1])));
        Assert.Contains("'b'", error.Message);
    }

    [Fact]
    public void Unknown_column_names_the_column_and_lists_the_others()
    {
        var error = Assert.Throws<UnknownColumnException>(() => People()["agee"]);
        Assert.Contains("'agee'", error.Message);
        Assert.Contains("name, age, visits", error.Message);
    }

    [Fact]
    public void Head_and_tail_take_rows_from_each_end()
    {
        var frame = People();
        Assert.Equal(["Ann", "Bob"], frame.Head(2).Column<StringColumn>("name").Categories.Take(2));
        Assert.Equal(45, frame.Tail(1).Column<Float64Column>("age")[0]);
    }

    [Fact]
    public void Missing_values_are_counted_per_column()
    {
        var frame = People();
        Assert.Equal(1, frame["name"].MissingCount);
        Assert.Equal(1, frame["age"].MissingCount);
        Assert.Equal(1, frame["visits"].MissingCount);
        Assert.True(frame["visits"].IsMissing(3));
    }

    [Fact]
    public void Filter_keeps_rows_where_the_mask_is_true()
    {
        var filtered = People().Filter([true, false, false, true]);
        Assert.Equal(2, filtered.RowCount);
        Assert.Equal("Dan", filtered.Column<StringColumn>("name")[1]);
        Assert.True(filtered["visits"].IsMissing(1));
    }

    [Fact]
    public void Take_with_minus_one_gives_a_row_of_missing_values()
    {
        var taken = People().Take([1, -1]);
        Assert.Equal("Bob", taken.Column<StringColumn>("name")[0]);
        Assert.All(taken.Columns, c => Assert.True(c.IsMissing(1)));
    }

    [Fact]
    public void Printing_shows_names_values_and_shape()
    {
        var text = People().ToString();
        Assert.Contains("name", text);
        Assert.Contains("NaN", text);
        Assert.Contains("<NA>", text);
        Assert.Contains("[4 rows x 3 columns]", text);
    }
}
