using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class KBinsDiscretizerTests
{
    static readonly Frame Sample = new(new Float64Column("v", [0, 1, 2, 3, 4, 10, 15, 22, 23.5, 40]), new Int64Column("c", [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]));

    // scikit-learn: KBinsDiscretizer(n_bins=4, strategy=s, encode="ordinal").fit(Sample)
    [Theory]
    [InlineData(BinStrategy.Uniform, new[] { 0.0, 10, 20, 30, 40 }, new[] { 0.0, 0, 0, 0, 0, 1, 1, 2, 2, 3 })]
    [InlineData(BinStrategy.Quantile, new[] { 0.0, 2.25, 7, 20.25, 40 }, new[] { 0.0, 0, 0, 1, 1, 2, 2, 3, 3, 3 })]
    public void Values_fall_into_the_bins_scikit_learn_draws(BinStrategy strategy, double[] edges, double[] bins)
    {
        var model = new KBinsDiscretizer { NBins = 4, Strategy = strategy, Encode = BinEncoding.Ordinal }.Fit(Sample);
        Assert.Equal(edges, model.BinEdges[0]);
        Assert.Equal([double.NegativeInfinity, double.PositiveInfinity], model.BinEdges[1]);
        var binned = model.Transform(Sample);
        FrameAssert.Values(bins, binned, "v");
        FrameAssert.Values(new double[10], binned, "c");
    }

    [Fact]
    public void Values_beyond_the_fitted_range_go_to_the_outer_bins()
    {
        var model = new KBinsDiscretizer { NBins = 4, Encode = BinEncoding.Ordinal }.Fit(Sample);
        var outside = new Frame(new Float64Column("v", [-3, 100]), new Int64Column("c", [0, 9]));
        FrameAssert.Rows([[0, 0], [3, 0]], model.Transform(outside));
    }

    [Fact]
    public void Quantile_bins_too_narrow_to_hold_anything_are_merged()
    {
        // scikit-learn: bin_edges_ [1, 2, 2.75, 50], n_bins_ 3 for four requested bins
        var frame = new Frame(new Float64Column("w", [1, 1, 1, 1, 2, 2, 2, 3, 50, 50]));
        var model = new KBinsDiscretizer { NBins = 4 }.Fit(frame);
        Assert.Equal([1, 2, 2.75, 50], model.BinEdges[0]);
        Assert.Equal(["w=0", "w=1", "w=2"], model.OutputNames);
        var encoded = model.Transform(frame);
        FrameAssert.Values([1, 1, 1, 1, 0, 0, 0, 0, 0, 0], encoded, "w=0");
        FrameAssert.Values([0, 0, 0, 0, 0, 0, 0, 1, 1, 1], encoded, "w=2");
    }

    [Fact]
    public void Missing_values_are_rejected_by_column()
    {
        var frame = new Frame(new Float64Column("gap", [1, double.NaN, 3]));
        Assert.Contains("'gap'", Assert.Throws<SchemaMismatchException>(() => new KBinsDiscretizer().Fit(frame)).Message);
    }

    [Fact]
    public void A_saved_discretizer_bins_the_same_after_loading()
    {
        var model = new KBinsDiscretizer { NBins = 3, Strategy = BinStrategy.Uniform }.Fit(Sample);
        FrameAssert.Identical(model.Transform(Sample), FrameAssert.Reloaded(model).Transform(Sample));
    }
}
