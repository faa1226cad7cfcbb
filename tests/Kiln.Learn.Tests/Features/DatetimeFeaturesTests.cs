using Kiln.Data;
using Kiln.Learn.Features;

namespace Kiln.Learn.Tests.Features;

public class DatetimeFeaturesTests
{
    static readonly Frame Sample = new(
        new DateTimeColumn("date", [new(2024, 1, 31, 13, 45, 0), new(2023, 12, 30), new(2024, 2, 29, 23, 0, 0), default], [false, false, false, true]),
        new Float64Column("price", [1, 2, 3, 4]));

    [Fact]
    public void Parts_match_pandas_dt_accessors()
    {
        var model = new DatetimeFeatures { Parts = "year,month,day,day-of-week,day-of-year,hour,quarter,week-of-year,is-weekend,is-month-end" }.Fit(Sample);
        var output = model.Transform(Sample);
        long[] Part(string name) => [.. output.Column<Int64Column>(name).Values[..3]];
        // pandas: Series.dt.year, month, day, dayofweek, dayofyear, hour, quarter, isocalendar().week
        Assert.Equal([2024, 2023, 2024], Part("date_year"));
        Assert.Equal([1, 12, 2], Part("date_month"));
        Assert.Equal([31, 30, 29], Part("date_day"));
        Assert.Equal([2, 5, 3], Part("date_day_of_week"));
        Assert.Equal([31, 364, 60], Part("date_day_of_year"));
        Assert.Equal([13, 0, 23], Part("date_hour"));
        Assert.Equal([1, 4, 1], Part("date_quarter"));
        Assert.Equal([5, 52, 9], Part("date_week_of_year"));
        var weekend = output.Column<BoolColumn>("date_is_weekend");
        Assert.Equal([false, true, false], weekend.Values[..3].ToArray());
        Assert.Equal([true, false, true], output.Column<BoolColumn>("date_is_month_end").Values[..3].ToArray());
    }

    [Fact]
    public void The_source_is_dropped_by_default_and_other_columns_pass_through()
    {
        var model = new DatetimeFeatures { Parts = "year,month" }.Fit(Sample);
        Assert.Equal(["date_year", "date_month", "price"], model.OutputNames);
        Assert.Equal(model.OutputNames, model.Transform(Sample).ColumnNames);
        var kept = new DatetimeFeatures { Parts = "year", KeepSource = true }.Fit(Sample);
        Assert.Equal(["date_year", "date", "price"], kept.Transform(Sample).ColumnNames);
    }

    [Fact]
    public void A_missing_date_gives_missing_parts()
    {
        var output = new DatetimeFeatures().Fit(Sample).Transform(Sample);
        Assert.True(output["date_year"].IsMissing(3));
        Assert.True(output["date_is_weekend"].IsMissing(3));
    }

    [Fact]
    public void An_unknown_part_lists_the_parts()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatetimeFeatures { Parts = "year,weekday" }.Fit(Sample));
        Assert.Contains("'weekday'", error.Message);
        Assert.Contains("day-of-week", error.Message);
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_output()
    {
        var model = new DatetimeFeatures { Parts = "day,hour" }.Fit(Sample);
        Assert.Equal(model.Transform(Sample).ToString(), RoundTrip.Through(model).Transform(Sample).ToString());
    }
}
