using Kiln.Data;
using Kiln.Learn.Cleaning;
using Kiln.Learn.Tests.Features;

namespace Kiln.Learn.Tests.Cleaning;

public class TypeConverterTests
{
    static readonly Frame Messy = new(
        new StringColumn("population", ["1,234", "56", "-7,890.5", null]),
        new StringColumn("price", ["$5", "€3.50", "5 USD", "-$1,200"]),
        new StringColumn("rate", ["12%", "3.5 %", "100%", "0%"]),
        new StringColumn("member", ["yes", "No", "Y", "n"]),
        new StringColumn("joined", ["31/01/2024", "01/02/2024", "15/12/2023", "2024-03-05"]),
        new StringColumn("city", ["Paris", "Lyon", "Nice", "Lille"]),
        new Float64Column("score", [1, 2, 3, 4]));

    [Fact]
    public void Each_messy_text_column_becomes_its_real_type()
    {
        var result = TypeConversion.Convert(Messy);
        var frame = result.Frame;
        Assert.Equal([1234, 56, -7890.5], frame.Column<Float64Column>("population").Values[..3].ToArray());
        Assert.True(frame["population"].IsMissing(3));
        Assert.Equal([5, 3.5, 5, -1200], frame.Column<Float64Column>("price").Values.ToArray());
        Assert.Equal([0.12, 0.035, 1, 0], frame.Column<Float64Column>("rate").Values.ToArray());
        Assert.Equal([true, false, true, false], frame.Column<BoolColumn>("member").Values.ToArray());
        Assert.Equal(DataType.String, frame["city"].Type);
        Assert.Equal(0, result.FailedCount);
    }

    [Fact]
    public void A_day_above_twelve_makes_slashed_dates_day_first()
    {
        var joined = TypeConversion.Convert(Messy).Frame.Column<DateTimeColumn>("joined");
        Assert.Equal(new DateTime(2024, 1, 31), joined[0]);
        Assert.Equal(new DateTime(2024, 2, 1), joined[1]);
        Assert.Equal(new DateTime(2024, 3, 5), joined[3]);
    }

    [Fact]
    public void A_second_number_above_twelve_makes_slashed_dates_month_first()
    {
        var column = new StringColumn("d", ["01/31/2024", "02/01/2024"]);
        Assert.Equal((TextValueKind.Date, DateOrder.MonthFirst), TypeConversion.Infer(column));
        Assert.Equal(new DateTime(2024, 2, 1), ((DateTimeColumn)TypeConversion.ConvertColumn(column, TextValueKind.Date, DateOrder.MonthFirst).Column)[1]);
    }

    [Fact]
    public void Ambiguous_slashed_dates_stay_text_since_only_iso_dates_count()
    {
        var column = new StringColumn("d", ["01/02/2024", "03/04/2024"]);
        Assert.Equal(TextValueKind.Text, TypeConversion.Infer(column).Kind);
    }

    [Fact]
    public void Values_that_fail_after_fitting_become_missing_and_are_counted()
    {
        var model = new TypeConverter().Fit(Messy);
        var fresh = Messy.WithColumn(new StringColumn("population", ["12", "lots", "n/a", "3,4"]));
        var result = model.TransformWithReport(fresh);
        var population = result.Frame.Column<Float64Column>("population");
        Assert.Equal(12, population[0]);
        Assert.True(population.IsMissing(1) && population.IsMissing(2) && population.IsMissing(3));
        Assert.Equal(3, result.Columns.Single(c => c.Column == "population").FailedCount);
    }

    [Fact]
    public void A_column_converts_when_enough_of_it_parses_and_the_rest_is_counted()
    {
        var column = new StringColumn("n", [.. Enumerable.Range(0, 19).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "unknown"]);
        var result = TypeConversion.Convert(new Frame(column));
        Assert.Equal(TextValueKind.Number, result.Columns[0].Kind);
        Assert.Equal(1, result.Columns[0].FailedCount);
        Assert.Equal(TextValueKind.Text, TypeConversion.Infer(column, minShare: 1).Kind);
    }

    [Theory]
    [InlineData("1,23")]
    [InlineData("12,3456")]
    [InlineData(",123")]
    [InlineData("1.2.3")]
    public void Misgrouped_numbers_do_not_parse(string text) => Assert.False(MessyValueParser.TryParseNumber(text, out _));

    [Fact]
    public void A_saved_converter_loads_with_the_same_kinds_and_output()
    {
        var model = new TypeConverter().Fit(Messy);
        var loaded = RoundTrip.Through(model);
        Assert.Equal(model.Conversions, loaded.Conversions);
        Assert.Equal(model.Transform(Messy).ToString(), loaded.Transform(Messy).ToString());
    }
}
