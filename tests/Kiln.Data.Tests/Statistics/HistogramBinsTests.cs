namespace Kiln.Data.Tests.Statistics;

// Expected values are numpy.histogram's, worked out by hand from its documented rules.
public sealed class HistogramBinsTests
{
    [Fact]
    public void Equal_width_bins_span_the_data_and_the_last_bin_holds_its_right_edge()
    {
        var bins = HistogramBins.Compute([1, 2, 2, 3, 3, 3, 4, 4, 4, 4], binCount: 3);

        Assert.Equal([1.0, 2.0, 3.0, 4.0], bins.Edges);
        Assert.Equal([1, 2, 7], bins.Counts);
    }

    [Fact]
    public void Edges_follow_linspace_so_values_on_a_rounded_edge_fall_into_the_upper_bin()
    {
        // 0.3 / 3 rounds below 0.1, so 0.1 and 0.2 sit just above edges 1 and 2, as in numpy.
        var bins = HistogramBins.Compute([0, 0.1, 0.2, 0.3], binCount: 3);

        Assert.Equal([1, 1, 2], bins.Counts);
        Assert.Equal(0.3, bins.Edges[^1]);
    }

    [Fact]
    public void Missing_values_are_skipped_and_counted()
    {
        var bins = HistogramBins.Compute([0, 0.5, double.NaN, 1, 1.5, 2, double.PositiveInfinity], binCount: 4);

        Assert.Equal([0.0, 0.5, 1.0, 1.5, 2.0], bins.Edges);
        Assert.Equal([1, 1, 1, 2], bins.Counts);
        Assert.Equal(2, bins.MissingCount);
    }

    [Fact]
    public void Identical_values_get_a_range_of_one_centred_on_them()
    {
        var bins = HistogramBins.Compute([5, 5, 5], binCount: 2);

        Assert.Equal([4.5, 5.0, 5.5], bins.Edges);
        Assert.Equal([0, 3], bins.Counts);
    }

    [Fact]
    public void No_values_give_empty_bins_between_zero_and_one()
    {
        var bins = HistogramBins.Compute([], binCount: 4);

        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], bins.Edges);
        Assert.Equal([0, 0, 0, 0], bins.Counts);
    }

    [Fact]
    public void Explicit_edges_ignore_values_outside_them()
    {
        var bins = HistogramBins.Compute([-1, 0, 0.99, 1, 2.5, 3, 3.1], [0.0, 1, 2, 3]);

        Assert.Equal([2, 1, 2], bins.Counts);
        Assert.Equal(0, bins.MissingCount);
    }

    [Fact]
    public void Explicit_edges_may_be_unequal()
    {
        var bins = HistogramBins.Compute([1, 2, 3, 10, 50, 99], [0.0, 5, 20, 100]);

        Assert.Equal([3, 1, 2], bins.Counts);
    }

    [Fact]
    public void Edges_that_do_not_increase_are_rejected_with_the_offending_edge()
    {
        var error = Assert.Throws<ArgumentException>(() => HistogramBins.Compute([1.0], [0.0, 2, 1]));

        Assert.Contains("edge 2", error.Message);
    }

    [Fact]
    public void Zero_bins_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HistogramBins.Compute([1.0], binCount: 0));
    }
}
