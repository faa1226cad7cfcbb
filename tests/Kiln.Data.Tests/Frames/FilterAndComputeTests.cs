using static Kiln.Data.Tests.Frames.ColumnValues;

namespace Kiln.Data.Tests.Frames;

public class FilterAndComputeTests
{
    static Frame Passengers() => new(
        new StringColumn("name", ["Ann", "Bob", "Cid", "Dee", null]),
        new Float64Column("age", [31, double.NaN, 22, 45, 60]),
        new Float64Column("fare", [100, 30, 8, 60, 20]),
        new Int64Column("family", [1, 2, 0, 3, 1], [false, false, false, false, true]));

    [Fact]
    public void A_row_predicate_keeps_rows_for_which_it_holds()
    {
        var older = Passengers().Filter(row => row.Get<double>("age") > 30);
        Assert.Equal(["Ann", "Dee", null], Texts(older, "name"));
    }

    [Fact]
    public void Column_comparisons_build_masks_that_skip_missing_values()
    {
        var frame = Passengers();
        var age = frame.Column<Float64Column>("age");
        Assert.Equal([true, false, false, true, true], age.GreaterThan(30).Values.ToArray());
        Assert.Equal([false, false, true, false, false], age.LessThanOrEqual(22).Values.ToArray());
        Assert.Equal([true, true, true, true, false], age.NotEqualTo(60).Values.ToArray());
        Assert.Equal([false, false, true, false, false], frame.Column<Int64Column>("family").EqualTo(0).Values.ToArray());
        Assert.Equal([true, true, false, true, true], frame.Column<Int64Column>("family").NotEqualTo(0).Values.ToArray());
    }

    [Fact]
    public void Masks_combine_with_and_or_and_not()
    {
        var frame = Passengers();
        var age = frame.Column<Float64Column>("age");
        var fare = frame.Column<Float64Column>("fare");
        Assert.Equal(["Ann", "Dee"], Texts(frame.Filter(age.GreaterThan(30) & fare.GreaterThan(50)), "name"));
        Assert.Equal(["Ann", "Cid", "Dee"], Texts(frame.Filter(age.LessThan(25) | fare.GreaterThanOrEqual(60)), "name"));
        Assert.Equal(["Bob", "Cid"], Texts(frame.Filter(!age.GreaterThan(30)), "name"));
        Assert.Equal(3, age.Between(30, 60).TrueCount);
    }

    [Fact]
    public void String_masks_test_each_distinct_value()
    {
        var name = Passengers().Column<StringColumn>("name");
        Assert.Equal([false, true, false, false, false], name.EqualTo("Bob").Values.ToArray());
        Assert.Equal([true, false, true, true, true], name.NotEqualTo("Bob").Values.ToArray());
        Assert.Equal([true, false, false, true, false], name.IsIn("Ann", "Dee", "Zed").Values.ToArray());
        Assert.Equal([false, false, true, true, false], name.Matches(n => n.Contains('e') || n.StartsWith('C')).Values.ToArray());
    }

    [Fact]
    public void Missing_and_present_flags_mark_rows()
    {
        var frame = Passengers();
        Assert.Equal(["Ann", "Cid", "Dee", null], Texts(frame.Filter(frame["age"].PresentFlags()), "name"));
        Assert.Equal(1, frame["family"].MissingFlags().TrueCount);
    }

    [Fact]
    public void Column_arithmetic_computes_new_columns_and_propagates_missing_values()
    {
        var frame = Passengers();
        var perPerson = frame.Column<Float64Column>("fare") / (frame["family"].AsFloat64() + 1);
        var withColumn = frame.WithColumn("fare_per_person", perPerson);
        var values = Numbers(withColumn, "fare_per_person");
        Assert.Equal([50, 10, 8, 15], values[..4]);
        Assert.True(double.IsNaN(values[4]));
        Assert.Equal([69, double.NaN, 78, 55, 40], Numbers(frame.WithColumn("left", 100 - frame.Column<Float64Column>("age")), "left"));
        Assert.Equal([62, double.NaN, 44, 90, 120], (2 * frame.Column<Float64Column>("age")).Values.ToArray());
    }

    [Fact]
    public void A_computed_column_can_be_written_per_row()
    {
        var frame = Passengers()
            .WithColumn("fare_per_person", row => row.Get<double>("fare") / (row.Get<double>("family") + 1))
            .WithColumn("adult", row => row.Get<double>("age") >= 18)
            .WithColumn("greeting", row => row.IsMissing("name") ? null : "Hi " + row.Get<string>("name"));
        Assert.Equal(50, frame.Column<Float64Column>("fare_per_person")[0]);
        Assert.Equal([true, false, true, true, true], frame.Column<BoolColumn>("adult").Values.ToArray());
        Assert.Equal(["Hi Ann", "Hi Bob", "Hi Cid", "Hi Dee", null], Texts(frame, "greeting"));
    }

    [Fact]
    public void Reading_a_missing_integer_as_long_names_the_column_and_row()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Passengers().WithColumn("f", row => (double)row.Get<long>("family")));
        Assert.Contains("'family', row 4", error.Message);
    }

    [Fact]
    public void Apply_maps_numbers_and_text_through_a_function()
    {
        var frame = Passengers()
            .Apply("fare", Math.Log10)
            .Apply("family", x => x * 10)
            .Apply("name", n => n.ToUpperInvariant());
        Assert.Equal(2, frame.Column<Float64Column>("fare")[0], 12);
        Assert.Equal(30, frame.Column<Float64Column>("family")[3]);
        Assert.True(frame["family"].IsMissing(4));
        Assert.Equal(["ANN", "BOB", "CID", "DEE", null], Texts(frame, "name"));
    }

    [Fact]
    public void Text_apply_that_merges_values_leaves_one_category_each()
    {
        var frame = new Frame(new StringColumn("s", ["a", "A", "b"])).Apply("s", s => s.ToLowerInvariant());
        Assert.Equal(["a", "b"], frame.Column<StringColumn>("s").Categories);
        Assert.Equal(["a", "a", "b"], Texts(frame, "s"));
    }

    [Fact]
    public void Rows_read_each_type_and_refuse_the_wrong_one_naming_the_column()
    {
        var frame = new Frame(
            new Int64Column("n", [7]), new BoolColumn("flag", [true]),
            new DateTimeColumn("when", [new DateTime(2024, 1, 2)]), new StringColumn("s", ["x"]));
        var row = new FrameRow(frame, 0);
        Assert.Equal((7L, 7, true, 2, 7.0, 1.0), (row.Get<long>("n"), row.Get<int>("n"), row.Get<bool>("flag"), row.Get<DateTime>("when").Day, row.Get<double>("n"), row.Get<double>("flag")));
        var error = Assert.Throws<InvalidOperationException>(() => row.Get<double>("s"));
        Assert.Contains("'s' is string", error.Message);
    }

    [Fact]
    public void Large_frames_filter_and_group_in_parallel_with_the_same_results_as_a_plain_loop()
    {
        var random = new Random(11);
        const int rows = 300_000;
        var values = new double[rows];
        var codes = new int[rows];
        for (var i = 0; i < rows; i++) (values[i], codes[i]) = (random.NextDouble(), random.Next(-1, 20));
        var categories = Enumerable.Range(0, 20).Select(c => $"g{c:00}").ToArray();
        var frame = new Frame(new Float64Column("v", values), new StringColumn("g", codes, categories), new Float64Column("w", values));

        var kept = frame.Filter(frame.Column<Float64Column>("v").GreaterThan(0.5));
        Assert.Equal(values.Where(v => v > 0.5), Numbers(kept, "w"));

        var means = frame.GroupBy("g").Mean("v", "w");
        var expected = Enumerable.Range(0, 20).Select(c => Enumerable.Range(0, rows).Where(i => codes[i] == c).Average(i => values[i])).ToArray();
        var actual = Numbers(means, "w");
        Assert.Equal(categories, Texts(means, "g"));
        for (var c = 0; c < 20; c++) Assert.Equal(expected[c], actual[c], 12);
    }
}
