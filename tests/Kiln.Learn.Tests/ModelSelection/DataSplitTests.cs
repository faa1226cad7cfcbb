using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

public class DataSplitTests
{
    static readonly SplitFractions SixtyTwentyTwenty = SplitFractions.Parse("60/20/20");

    static Frame Sample(int rows) => new(
        new Int64Column("id", [.. Enumerable.Range(0, rows).Select(i => (long)i)]),
        new StringColumn("label", [.. Enumerable.Range(0, rows).Select(i => i % 10 == 0 ? "rare" : i % 3 == 0 ? "mid" : "common")]),
        new Int64Column("customer", [.. Enumerable.Range(0, rows).Select(i => (long)(i * 7 % 23))]),
        new DateTimeColumn("day", [.. Enumerable.Range(0, rows).Select(i => new DateTime(2024, 1, 1).AddDays(i * 37 % rows))]));

    [Fact]
    public void A_random_split_covers_every_row_once_with_the_asked_sizes()
    {
        var split = DataSplit.Random(Sample(101), SixtyTwentyTwenty, seed: 3);
        Assert.Equal(101, split.TrainRows.Length + split.ValidationRows.Length + split.TestRows.Length);
        Assert.Equal(Enumerable.Range(0, 101), split.TrainRows.Concat(split.ValidationRows).Concat(split.TestRows).Order());
        Assert.Equal((60, 20, 21), (split.Train.RowCount, split.Validation.RowCount, split.Test.RowCount));
        Assert.Equal(split.TestRows.Select(r => (long)r), split.Test.Column<Int64Column>("id").Values.ToArray());
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var frame = Sample(50);
        Assert.Equal(DataSplit.Random(frame, SixtyTwentyTwenty, 1).TestRows, DataSplit.Random(frame, SixtyTwentyTwenty, 1).TestRows);
        Assert.NotEqual(DataSplit.Random(frame, SixtyTwentyTwenty, 1).TestRows, DataSplit.Random(frame, SixtyTwentyTwenty, 2).TestRows);
        Assert.Equal(DataSplit.Stratified(frame, "label", SixtyTwentyTwenty, 1).TestRows, DataSplit.Stratified(frame, "label", SixtyTwentyTwenty, 1).TestRows);
        Assert.NotEqual(DataSplit.Stratified(frame, "label", SixtyTwentyTwenty, 1).TestRows, DataSplit.Stratified(frame, "label", SixtyTwentyTwenty, 2).TestRows);
        Assert.NotEqual(DataSplit.Grouped(frame, "customer", SixtyTwentyTwenty, 1).TestRows, DataSplit.Grouped(frame, "customer", SixtyTwentyTwenty, 2).TestRows);
    }

    [Theory]
    [InlineData(97, 0)]
    [InlineData(250, 5)]
    [InlineData(31, 9)]
    public void A_stratified_split_keeps_each_class_within_one_row_of_its_exact_share(int rows, long seed)
    {
        var frame = Sample(rows);
        var split = DataSplit.Stratified(frame, "label", new SplitFractions(0.6, 0.25, 0.15), seed);
        var labels = frame.Column<StringColumn>("label");
        foreach (var label in new[] { "rare", "mid", "common" })
        {
            var total = Enumerable.Range(0, rows).Count(r => labels[r] == label);
            foreach (var part in new[] { split.TrainRows, split.ValidationRows, split.TestRows })
            {
                var exact = (double)total * part.Length / rows;
                Assert.True(Math.Abs(part.Count(r => labels[r] == label) - exact) < 1, $"{label}: {part.Count(r => labels[r] == label)} vs {exact}");
            }
        }
        Assert.Equal(Enumerable.Range(0, rows), split.TrainRows.Concat(split.ValidationRows).Concat(split.TestRows).Order());
    }

    [Fact]
    public void A_two_way_stratified_split_matches_scikit_learn_class_counts()
    {
        var frame = new Frame(new Int64Column("y", [.. Enumerable.Repeat(0L, 47), .. Enumerable.Repeat(1L, 31), .. Enumerable.Repeat(2L, 19)]));
        var split = DataSplit.Stratified(frame, "y", new SplitFractions(0.7, 0, 0.3));
        var y = frame.Column<Int64Column>("y");
        // scikit-learn 1.2: train_test_split(y, test_size=0.3, stratify=y) gives train counts [33 21 13], test [14 10 6]
        Assert.Equal([14, 10, 6], Enumerable.Range(0, 3).Select(c => split.TestRows.Count(r => y[r] == c)));
        Assert.Equal([33, 21, 13], Enumerable.Range(0, 3).Select(c => split.TrainRows.Count(r => y[r] == c)));
        Assert.Equal(0, split.Validation.RowCount);
    }

    [Fact]
    public void A_class_too_small_to_stratify_is_named_with_its_count()
    {
        var frame = new Frame(new StringColumn("y", ["a", "a", "a", "b", "b", "a", "a", "z", "z", "b"]));
        var error = Assert.Throws<ArgumentException>(() => DataSplit.Stratified(frame, "y", SixtyTwentyTwenty));
        Assert.Contains("class 'z' of 'y' has 2 rows", error.Message);
        Assert.Equal("target", error.ParamName);
    }

    [Fact]
    public void A_grouped_split_puts_no_group_in_two_parts()
    {
        var frame = Sample(230);
        var split = DataSplit.Grouped(frame, "customer", SixtyTwentyTwenty, seed: 4);
        var customer = frame.Column<Int64Column>("customer");
        var parts = new[] { split.TrainRows, split.ValidationRows, split.TestRows }.Select(rows => rows.Select(r => customer[r]).ToHashSet()).ToList();
        Assert.Empty(parts[0].Intersect(parts[1]));
        Assert.Empty(parts[0].Intersect(parts[2]));
        Assert.Empty(parts[1].Intersect(parts[2]));
        Assert.Equal(230, split.TrainRows.Length + split.ValidationRows.Length + split.TestRows.Length);
        // 23 groups of 10 rows: whole groups come within half a group of each target size
        Assert.InRange(split.TrainRows.Length, 138 - 5, 138 + 5);
        Assert.InRange(split.TestRows.Length, 46 - 5, 46 + 5);
    }

    [Fact]
    public void Too_few_groups_is_an_error_naming_the_column()
    {
        var frame = new Frame(new StringColumn("site", ["x", "x", "y", "y"]));
        var error = Assert.Throws<ArgumentException>(() => DataSplit.Grouped(frame, "site", SixtyTwentyTwenty));
        Assert.Contains("'site' has 2 groups", error.Message);
    }

    [Fact]
    public void A_split_by_time_trains_on_the_earliest_rows_and_tests_on_the_latest()
    {
        var frame = Sample(40);
        var split = DataSplit.ByTime(frame, "day", SixtyTwentyTwenty);
        var days = frame.Column<DateTimeColumn>("day");
        Assert.Equal((24, 8, 8), (split.TrainRows.Length, split.ValidationRows.Length, split.TestRows.Length));
        Assert.True(split.TrainRows.Max(r => days[r]) < split.ValidationRows.Min(r => days[r]));
        Assert.True(split.ValidationRows.Max(r => days[r]) < split.TestRows.Min(r => days[r]));
        var testDays = split.Test.Column<DateTimeColumn>("day").Values.ToArray();
        Assert.Equal(testDays.Order(), testDays);
    }

    [Fact]
    public void A_split_by_time_needs_no_seed_and_repeats_exactly()
    {
        var frame = Sample(40);
        Assert.Equal(DataSplit.ByTime(frame, "day", SixtyTwentyTwenty).TestRows, DataSplit.Apply(frame, SixtyTwentyTwenty, SplitMode.ByTime, "day", seed: 99).TestRows);
    }

    [Fact]
    public void A_text_time_column_is_an_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => DataSplit.ByTime(Sample(20), "label", SixtyTwentyTwenty));
        Assert.Contains("time column 'label' is string", error.Message);
    }

    [Fact]
    public void An_unknown_column_is_an_error_listing_the_columns()
    {
        var error = Assert.Throws<ArgumentException>(() => DataSplit.Stratified(Sample(20), "labels", SixtyTwentyTwenty));
        Assert.Contains("'labels' is not in the frame (columns: id, label, customer, day)", error.Message);
    }

    [Fact]
    public void A_mode_that_needs_a_column_says_so()
    {
        var error = Assert.Throws<ArgumentNullException>(() => DataSplit.Apply(Sample(20), SixtyTwentyTwenty, SplitMode.Grouped));
        Assert.Contains("grouped split needs a column", error.Message);
    }
}
