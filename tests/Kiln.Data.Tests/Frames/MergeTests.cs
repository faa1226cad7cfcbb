using static Kiln.Data.Tests.Frames.ColumnValues;

namespace Kiln.Data.Tests.Frames;

public class MergeTests
{
    static Frame Orders() => new(
        new Int64Column("customer", [1, 2, 2, 4]),
        new Float64Column("amount", [10, 20, 30, 40]),
        new StringColumn("note", ["a", "b", "c", "d"]));

    static Frame Customers() => new(
        new Int64Column("customer", [2, 1, 3]),
        new StringColumn("name", ["Bea", "Al", "Cy"]),
        new StringColumn("note", ["vip", null, "new"]));


    [Fact]
    public void Inner_merge_keeps_matching_rows_in_left_order_and_suffixes_clashing_names()
    {
        var merged = Orders().Merge(Customers(), "customer");
        Assert.Equal(["customer", "amount", "note_x", "name", "note_y"], merged.ColumnNames);
        Assert.Equal([1, 2, 2], merged.Column<Int64Column>("customer").Values.ToArray());
        Assert.Equal(["Al", "Bea", "Bea"], Texts(merged, "name"));
        Assert.Equal([null, "vip", "vip"], Texts(merged, "note_y"));
    }

    [Fact]
    public void Left_merge_keeps_every_left_row_with_missing_values_where_nothing_matches()
    {
        var merged = Orders().Merge(Customers(), "customer", JoinKind.Left);
        Assert.Equal(4, merged.RowCount);
        Assert.Equal(["Al", "Bea", "Bea", null], Texts(merged, "name"));
    }

    [Fact]
    public void Right_merge_keeps_every_right_row_in_right_order()
    {
        var merged = Orders().Merge(Customers(), "customer", JoinKind.Right);
        Assert.Equal([2, 2, 1, 3], merged.Column<Int64Column>("customer").Values.ToArray());
        var amount = merged.Column<Float64Column>("amount");
        Assert.Equal([20, 30, 10], amount.Values[..3].ToArray());
        Assert.True(amount.IsMissing(3));
    }

    [Fact]
    public void Outer_merge_keeps_all_rows_sorted_by_key_with_keys_taken_from_either_side()
    {
        var merged = Orders().Merge(Customers(), "customer", JoinKind.Outer);
        var customer = merged.Column<Int64Column>("customer");
        Assert.False(customer.HasMissing);
        Assert.Equal([1, 2, 2, 3, 4], customer.Values.ToArray());
        Assert.Equal(["Al", "Bea", "Bea", "Cy", null], Texts(merged, "name"));
    }

    [Fact]
    public void Merging_on_two_keys_matches_both()
    {
        var left = new Frame(new StringColumn("a", ["x", "x", "y"]), new Int64Column("b", [1, 2, 1]), new Float64Column("v", [1, 2, 3]));
        var right = new Frame(new StringColumn("a", ["y", "x"]), new Int64Column("b", [1, 2]), new Float64Column("w", [30, 20]));
        var merged = left.Merge(right, ["a", "b"]);
        Assert.Equal([2, 3], merged.Column<Float64Column>("v").Values.ToArray());
        Assert.Equal([20, 30], merged.Column<Float64Column>("w").Values.ToArray());
    }

    [Fact]
    public void String_keys_match_by_text_even_when_dictionaries_differ()
    {
        var left = new Frame(new StringColumn("k", ["b", "a"]), new Float64Column("v", [1, 2]));
        var right = new Frame(new StringColumn("k", ["a", "b"]), new Float64Column("w", [10, 20]));
        Assert.Equal([20, 10], left.Merge(right, "k").Column<Float64Column>("w").Values.ToArray());
    }

    [Fact]
    public void Missing_keys_match_nothing()
    {
        var left = new Frame(new StringColumn("k", [null, "a"]), new Float64Column("v", [1, 2]));
        var right = new Frame(new StringColumn("k", [null, "a"]), new Float64Column("w", [10, 20]));
        Assert.Equal([20], left.Merge(right, "k").Column<Float64Column>("w").Values.ToArray());
    }

    [Fact]
    public void Keys_of_incompatible_types_are_refused_naming_the_key()
    {
        var left = new Frame(new StringColumn("k", ["1"]));
        var right = new Frame(new Int64Column("k", [1]));
        var error = Assert.Throws<ArgumentException>(() => left.Merge(right, "k"));
        Assert.Contains("'k'", error.Message);
        Assert.Contains("string", error.Message);
    }
}
