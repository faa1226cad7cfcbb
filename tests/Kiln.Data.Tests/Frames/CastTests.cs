using static Kiln.Data.Tests.Frames.ColumnValues;

namespace Kiln.Data.Tests.Frames;

public class CastTests
{
    [Fact]
    public void Text_becomes_numbers_with_blank_text_missing()
    {
        var frame = new Frame(new StringColumn("age", ["22", " 38.5", "", null, "1e2"]));
        var ages = frame.Cast("age", DataType.Float64).Column<Float64Column>("age");
        Assert.Equal(22, ages[0]);
        Assert.Equal(38.5, ages[1]);
        Assert.True(ages.IsMissing(2) && ages.IsMissing(3));
        Assert.Equal(100, ages[4]);
    }

    [Fact]
    public void A_value_that_cannot_convert_names_the_column_row_and_value()
    {
        var frame = new Frame(new StringColumn("fare", ["7.25", "71.28", "free", "8.05"]));
        var error = Assert.Throws<ValueConversionException>(() => frame.Cast("fare", DataType.Float64));
        Assert.Equal(("fare", 2, "free"), (error.ColumnName, error.Row, error.Value));
        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public void Unused_categories_left_by_a_filter_do_not_stop_a_conversion()
    {
        var frame = new Frame(new StringColumn("n", ["1", "oops", "3"]));
        var kept = frame.Filter([true, false, true]);
        Assert.Equal([1, 3], Integers(kept.Cast("n", DataType.Int64), "n"));
    }

    [Fact]
    public void Floats_become_integers_only_when_whole()
    {
        var frame = new Frame(new Float64Column("n", [1, double.NaN, 3]));
        var cast = frame.Cast("n", DataType.Int64).Column<Int64Column>("n");
        Assert.Equal(3, cast[2]);
        Assert.True(cast.IsMissing(1));
        var fractional = new Frame(new Float64Column("n", [1, 2.5]));
        var error = Assert.Throws<ValueConversionException>(() => fractional.Cast("n", DataType.Int64));
        Assert.Equal(1, error.Row);
    }

    [Fact]
    public void Numbers_bools_and_dates_become_text_and_back()
    {
        var frame = new Frame(
            new Int64Column("n", [1, 20]),
            new BoolColumn("flag", [true, false]),
            new StringColumn("when", ["2024-03-01", "2024-03-02T10:30:00"]));
        var text = frame.Cast(new Dictionary<string, DataType> { ["n"] = DataType.String, ["flag"] = DataType.String });
        Assert.Equal(["1", "20"], Texts(text, "n"));
        Assert.Equal(["True", "False"], Texts(text, "flag"));
        Assert.Equal([true, false], text.Cast("flag", DataType.Bool).Column<BoolColumn>("flag").Values.ToArray());
        var dates = frame.Cast("when", DataType.DateTime).Column<DateTimeColumn>("when");
        Assert.Equal(new DateTime(2024, 3, 2, 10, 30, 0), dates[1]);
    }

    [Fact]
    public void An_impossible_conversion_names_both_types()
    {
        var frame = new Frame(new DateTimeColumn("when", [DateTime.UnixEpoch]));
        var error = Assert.Throws<InvalidCastException>(() => frame.Cast("when", DataType.Float64));
        Assert.Contains("'when'", error.Message);
        Assert.Contains("datetime", error.Message);
        Assert.Contains("float64", error.Message);
    }
}
