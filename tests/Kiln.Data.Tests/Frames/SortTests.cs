using static Kiln.Data.Tests.Frames.ColumnValues;

namespace Kiln.Data.Tests.Frames;

public class SortTests
{
    static Frame People() => new(
        new StringColumn("city", ["Paris", "Oslo", null, "Paris", "Oslo"]),
        new Float64Column("age", [40, double.NaN, 22, 31, 22]),
        new Int64Column("id", [0, 1, 2, 3, 4]));

    static long[] Ids(Frame frame) => Integers(frame, "id");

    [Fact]
    public void Sorting_by_a_number_puts_missing_values_last()
    {
        Assert.Equal([2, 4, 3, 0, 1], Ids(People().SortBy("age")));
    }

    [Fact]
    public void Descending_sort_still_puts_missing_values_last()
    {
        Assert.Equal([0, 3, 2, 4, 1], Ids(People().SortBy("age", ascending: false)));
    }

    [Fact]
    public void Equal_keys_keep_their_original_order()
    {
        Assert.Equal([2, 4, 3, 0, 1], Ids(People().SortBy("age")));
        Assert.Equal([1, 4, 0, 3, 2], Ids(People().SortBy("city")));
    }

    [Fact]
    public void Several_keys_sort_by_the_first_then_the_next_each_in_its_own_direction()
    {
        var sorted = People().SortBy("city", SortKey.Descending("age"));
        Assert.Equal([4, 1, 0, 3, 2], Ids(sorted));
    }

    [Fact]
    public void Strings_sort_by_text_not_by_dictionary_code()
    {
        var frame = new Frame(new StringColumn("name", ["b", "a", "c", "B"]));
        var names = frame.SortBy("name").Column<StringColumn>("name");
        Assert.Equal(["B", "a", "b", "c"], Enumerable.Range(0, 4).Select(i => names[i]));
    }

    [Fact]
    public void Negative_numbers_and_dates_sort_in_value_order()
    {
        var frame = new Frame(
            new Float64Column("x", [3, -1.5, -10, 0, double.NegativeInfinity]),
            new DateTimeColumn("when", [new(2024, 5, 1), new(2020, 1, 1), new(2023, 1, 1), new(2021, 1, 1), new(2022, 1, 1)]));
        Assert.Equal([double.NegativeInfinity, -10, -1.5, 0, 3], frame.SortBy("x").Column<Float64Column>("x").Values.ToArray());
        Assert.Equal(2020, frame.SortBy("when").Column<DateTimeColumn>("when")[0].Year);
    }

    [Fact]
    public void Sorting_by_an_unknown_column_names_it()
    {
        var error = Assert.Throws<UnknownColumnException>(() => People().SortBy("agee"));
        Assert.Equal("agee", error.ColumnName);
    }

    [Fact]
    public void Large_sorts_agree_with_a_stable_comparison_sort()
    {
        var random = new Random(5);
        const int rows = 50_000;
        var values = new double[rows];
        var groups = new long[rows];
        for (var i = 0; i < rows; i++)
            (values[i], groups[i]) = (i % 101 == 0 ? double.NaN : Math.Round(random.NextDouble() * 2000 - 1000, 1), random.Next(-5, 5));
        var frame = new Frame(new Int64Column("group", groups), new Float64Column("value", values), new Int64Column("row", [.. Enumerable.Range(0, rows).Select(i => (long)i)]));

        var sorted = frame.SortBy(SortKey.Descending("group"), "value");
        var expected = Enumerable.Range(0, rows)
            .OrderByDescending(i => groups[i])
            .ThenBy(i => double.IsNaN(values[i]) ? 1 : 0).ThenBy(i => double.IsNaN(values[i]) ? 0 : values[i])
            .Select(i => (long)i);
        Assert.Equal(expected, Integers(sorted, "row"));
    }
}
