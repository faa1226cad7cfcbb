using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class ScalerTests
{
    const double NaN = double.NaN;
    static readonly Frame Sample = new(new Float64Column("a", [1, 2, 3, 10, NaN, -5]), new Float64Column("b", [-4, NaN, 0, 2, 8, 1]));
    static Frame Row(double a, double b) => new(new Float64Column("a", [a]), new Float64Column("b", [b]));

    [Fact]
    public void Min_max_maps_the_fitted_range_onto_zero_to_one_and_keeps_missing_values()
    {
        // scikit-learn: MinMaxScaler().fit_transform(Sample)
        var scaled = new MinMaxScaler().Fit(Sample).Transform(Sample);
        FrameAssert.Values([0.39999999999999997, 0.4666666666666667, 0.5333333333333333, 1.0, NaN, 0.0], scaled, "a");
        FrameAssert.Values([0.0, NaN, 0.3333333333333333, 0.5, 1.0, 0.41666666666666663], scaled, "b");
    }

    [Fact]
    public void Min_max_maps_onto_a_given_range_and_clips_only_when_asked()
    {
        // scikit-learn: MinMaxScaler(feature_range=(-1, 3)) and MinMaxScaler(clip=True) on the row [20, -8]
        FrameAssert.Rows([[5.666666666666666, -2.333333333333333]], new MinMaxScaler { FeatureMin = -1, FeatureMax = 3 }.Fit(Sample).Transform(Row(20, -8)));
        FrameAssert.Rows([[1, 0]], new MinMaxScaler { Clip = true }.Fit(Sample).Transform(Row(20, -8)));
    }

    [Fact]
    public void Min_max_rejects_a_range_whose_minimum_is_not_below_its_maximum()
    {
        var error = Assert.Throws<ArgumentException>(() => new MinMaxScaler { FeatureMin = 2, FeatureMax = 1 }.Fit(Sample));
        Assert.Contains("feature-min", error.Message);
    }

    [Fact]
    public void Max_abs_divides_by_the_largest_magnitude()
    {
        // scikit-learn: MaxAbsScaler().fit_transform(Sample)
        var scaled = new MaxAbsScaler().Fit(Sample).Transform(Sample);
        FrameAssert.Values([0.1, 0.2, 0.3, 1.0, NaN, -0.5], scaled, "a");
        FrameAssert.Values([-0.5, NaN, 0.0, 0.25, 1.0, 0.125], scaled, "b");
    }

    [Fact]
    public void Robust_centres_on_the_median_and_divides_by_the_interquartile_range()
    {
        // scikit-learn: RobustScaler().fit(Sample): center_ [2, 1], scale_ [2, 2]
        var model = new RobustScaler().Fit(Sample);
        Assert.Equal([2.0, 1.0], model.Centres);
        Assert.Equal([2.0, 2.0], model.Scales);
        var scaled = model.Transform(Sample);
        FrameAssert.Values([-0.5, 0.0, 0.5, 4.0, NaN, -3.5], scaled, "a");
        FrameAssert.Values([-2.5, NaN, -0.5, 0.5, 3.5, 0.0], scaled, "b");
    }

    [Fact]
    public void Robust_takes_another_quantile_range()
    {
        // scikit-learn: RobustScaler(quantile_range=(10, 90)).fit(Sample).scale_
        var model = new RobustScaler { QuantileMin = 10, QuantileMax = 90 }.Fit(Sample);
        Assert.Equal(9.8, model.Scales[0], 12);
        Assert.Equal(8.0, model.Scales[1], 12);
    }

    [Fact]
    public void Constant_columns_are_not_divided_by_zero()
    {
        var constant = new Frame(new Float64Column("c", [3, 3, 3]));
        FrameAssert.Values([0, 0, 0], new MinMaxScaler().Fit(constant).Transform(constant), "c");
        FrameAssert.Values([1, 1, 1], new MaxAbsScaler().Fit(constant).Transform(constant), "c");
        FrameAssert.Values([0, 0, 0], new RobustScaler().Fit(constant).Transform(constant), "c");
    }

    [Fact]
    public void Infinity_is_rejected_by_column()
    {
        var frame = new Frame(new Float64Column("inf", [1, double.NegativeInfinity]));
        Assert.Contains("'inf'", Assert.Throws<SchemaMismatchException>(() => new RobustScaler().Fit(frame)).Message);
        Assert.Contains("'inf'", Assert.Throws<SchemaMismatchException>(() => new MinMaxScaler().Fit(Row(1, 2).Rename("a", "inf").Drop("b")).Transform(frame)).Message);
    }

    [Fact]
    public void Saved_scalers_scale_the_same_after_loading()
    {
        ITransformerModel[] models = [new MinMaxScaler { FeatureMin = -2, Clip = true }.Fit(Sample), new MaxAbsScaler().Fit(Sample), new RobustScaler { QuantileMax = 90 }.Fit(Sample)];
        foreach (var model in models)
            FrameAssert.Identical(model.Transform(Sample), FrameAssert.Reloaded(model).Transform(Sample));
    }
}
