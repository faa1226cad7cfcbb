namespace Kiln.Plots.Tests;

// Expected values follow matplotlib's boxplot_stats: linear-interpolated quartiles, whiskers at the furthest data within 1.5 IQR.
public sealed class BoxStatisticsTests
{
    [Fact]
    public void Quartiles_interpolate_between_sorted_values()
    {
        var box = BoxStatistics.Compute([4, 1, 3, 2]);

        Assert.Equal(1.75, box.FirstQuartile, 12);
        Assert.Equal(2.5, box.Median, 12);
        Assert.Equal(3.25, box.ThirdQuartile, 12);
        Assert.Equal(1, box.LowerWhisker);
        Assert.Equal(4, box.UpperWhisker);
        Assert.Empty(box.Outliers);
    }

    [Fact]
    public void A_far_value_becomes_an_outlier_and_the_whisker_stops_at_the_last_value_inside_the_fence()
    {
        var box = BoxStatistics.Compute([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);

        Assert.Equal(3.25, box.FirstQuartile, 12);
        Assert.Equal(5.5, box.Median, 12);
        Assert.Equal(7.75, box.ThirdQuartile, 12);
        Assert.Equal(4.5, box.InterquartileRange, 12);
        Assert.Equal(1, box.LowerWhisker);
        Assert.Equal(9, box.UpperWhisker);
        Assert.Equal([100.0], box.Outliers);
        Assert.Equal(100, box.Maximum);
    }

    [Fact]
    public void Low_outliers_are_found_and_missing_values_skipped()
    {
        var box = BoxStatistics.Compute([13, double.NaN, 11, -50, 10, 12]);

        Assert.Equal(5, box.Count);
        Assert.Equal(1, box.MissingCount);
        Assert.Equal(10, box.FirstQuartile);
        Assert.Equal(11, box.Median);
        Assert.Equal(12, box.ThirdQuartile);
        Assert.Equal(10, box.LowerWhisker);
        Assert.Equal(13, box.UpperWhisker);
        Assert.Equal([-50.0], box.Outliers);
    }

    [Fact]
    public void A_wider_whisker_reach_keeps_far_values_inside()
    {
        var box = BoxStatistics.Compute([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], whiskerReach: 30);

        Assert.Equal(100, box.UpperWhisker);
        Assert.Empty(box.Outliers);
    }

    [Fact]
    public void Only_missing_values_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => BoxStatistics.Compute([double.NaN, double.NaN]));
    }
}
