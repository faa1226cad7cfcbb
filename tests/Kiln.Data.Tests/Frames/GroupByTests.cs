using static Kiln.Data.Tests.Frames.ColumnValues;

namespace Kiln.Data.Tests.Frames;

public class GroupByTests
{
    static Frame Passengers() => new(
        new StringColumn("class", ["third", "first", "third", "second", "first", null, "third"]),
        new StringColumn("sex", ["m", "f", "f", "m", "m", "f", "m"]),
        new Float64Column("age", [22, 38, 26, 35, double.NaN, 54, 2]),
        new Int64Column("survived", [0, 1, 1, 1, 0, 0, 0]));


    [Fact]
    public void Groups_come_out_sorted_by_key_and_rows_with_a_missing_key_are_left_out()
    {
        var means = Passengers().GroupBy("class").Mean("age");
        Assert.Equal(["first", "second", "third"], Texts(means, "class"));
        Assert.Equal([38, 35, 50.0 / 3], means.Column<Float64Column>("age").Values.ToArray());
    }

    [Fact]
    public void Groups_can_keep_their_order_of_first_appearance()
    {
        var means = Passengers().GroupBy(["class"], sortByKeys: false).Mean("age");
        Assert.Equal(["third", "first", "second"], Texts(means, "class"));
    }

    [Fact]
    public void Aggregates_are_named_after_column_and_function_unless_named()
    {
        var result = Passengers().GroupBy("class").Aggregate(
            Aggregation.Count("age"), Aggregation.Sum("survived"), Aggregation.Min("age"),
            Aggregation.Max("age"), Aggregation.Std("age"), Aggregation.Median("age", "middle_age"));
        Assert.Equal(["class", "age_count", "survived_sum", "age_min", "age_max", "age_std", "middle_age"], result.ColumnNames);
        Assert.Equal([1, 1, 3], result.Column<Int64Column>("age_count").Values.ToArray());
        Assert.Equal([1, 1, 1], result.Column<Float64Column>("survived_sum").Values.ToArray());
        Assert.Equal([38, 35, 2], result.Column<Float64Column>("age_min").Values.ToArray());
        Assert.Equal([38, 35, 26], result.Column<Float64Column>("age_max").Values.ToArray());
        Assert.Equal([38, 35, 22], result.Column<Float64Column>("middle_age").Values.ToArray());
        var std = result.Column<Float64Column>("age_std");
        Assert.True(double.IsNaN(std[0]));
        Assert.Equal(12.858201, std[2], 6);
    }

    [Fact]
    public void A_group_with_no_values_has_sum_zero_and_mean_missing()
    {
        var frame = new Frame(new StringColumn("k", ["a", "b"]), new Float64Column("x", [1, double.NaN]));
        var result = frame.GroupBy("k").Aggregate(Aggregation.Sum("x"), Aggregation.Mean("x"));
        Assert.Equal(0, result.Column<Float64Column>("x_sum")[1]);
        Assert.True(double.IsNaN(result.Column<Float64Column>("x_mean")[1]));
    }

    [Fact]
    public void Several_keys_group_by_each_combination()
    {
        var result = Passengers().GroupBy("class", "sex").Size();
        Assert.Equal(["first", "first", "second", "third", "third"], Texts(result, "class"));
        Assert.Equal(["f", "m", "m", "f", "m"], Texts(result, "sex"));
        Assert.Equal([1, 1, 1, 1, 2], result.Column<Int64Column>("size").Values.ToArray());
    }

    [Fact]
    public void Integer_keys_are_grouped_and_sorted_by_value()
    {
        var frame = new Frame(new Int64Column("k", [5, -2, 5, 100, -2]), new Float64Column("x", [1, 2, 3, 4, 5]));
        var result = frame.GroupBy("k").Sum();
        Assert.Equal([-2, 5, 100], result.Column<Int64Column>("k").Values.ToArray());
        Assert.Equal([7, 4, 4], result.Column<Float64Column>("x").Values.ToArray());
    }

    [Fact]
    public void Mean_without_columns_averages_every_numeric_column()
    {
        var result = Passengers().GroupBy("sex").Mean();
        Assert.Equal(["sex", "age", "survived"], result.ColumnNames);
        Assert.Equal(2.0 / 3, result.Column<Float64Column>("survived")[0], 12);
    }

    [Fact]
    public void A_mean_of_text_is_refused_with_the_column_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Passengers().GroupBy("class").Mean("sex"));
        Assert.Contains("'sex'", error.Message);
    }

    [Fact]
    public void Filtered_string_keys_with_unused_categories_give_only_the_groups_present()
    {
        var frame = Passengers();
        var firstClass = frame.Filter(frame.Column<StringColumn>("class").EqualTo("first"));
        Assert.Equal(1, firstClass.GroupBy("class").GroupCount);
    }

    [Fact]
    public void Many_groups_agree_with_a_plain_dictionary_computation()
    {
        var random = new Random(7);
        var keys = new long[5000];
        var values = new double[5000];
        for (var i = 0; i < keys.Length; i++) (keys[i], values[i]) = (random.Next(300), random.NextDouble());
        var result = new Frame(new Int64Column("k", keys), new Float64Column("v", values)).GroupBy("k").Mean("v");
        var expected = keys.Zip(values).GroupBy(p => p.First).OrderBy(g => g.Key).Select(g => g.Average(p => p.Second)).ToArray();
        var actual = result.Column<Float64Column>("v").Values.ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }
}
