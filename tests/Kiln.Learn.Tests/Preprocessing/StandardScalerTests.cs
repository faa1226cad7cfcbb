using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class StandardScalerTests
{
    static readonly Frame Sample = new(new Float64Column("a", [1, 2, 3, 4]), new Int64Column("b", [10, 10, 10, 10]));

    [Fact]
    public void Transform_centres_and_scales_each_column()
    {
        var model = new StandardScaler().Fit(Sample);
        var a = model.Transform(Sample).Column<Float64Column>("a");
        // scikit-learn: StandardScaler().fit_transform([[1], [2], [3], [4]]) uses the population std sqrt(1.25)
        Assert.Equal(-1.3416407864998738, a[0], 1e-12);
        Assert.Equal(1.3416407864998738, a[3], 1e-12);
    }

    [Fact]
    public void A_constant_column_is_centred_but_not_divided_by_zero()
    {
        var b = new StandardScaler().Fit(Sample).Transform(Sample).Column<Float64Column>("b");
        Assert.All(b.Values.ToArray(), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Sample_weights_weigh_the_mean()
    {
        var context = new FitContext { SampleWeights = [3, 1, 0, 0] };
        var model = new StandardScaler().Fit(Sample, context: context);
        Assert.Equal(1.25, model.Means[0], 12);
    }

    [Fact]
    public void Missing_values_are_skipped_when_fitting_and_kept_when_transforming()
    {
        var frame = new Frame(new Float64Column("a", [1, double.NaN, 3]));
        var transformed = new StandardScaler().Fit(frame).Transform(frame).Column<Float64Column>("a");
        Assert.True(double.IsNaN(transformed[1]));
        Assert.Equal(-1, transformed[0], 12);
    }

    [Fact]
    public void Text_columns_are_rejected_by_name()
    {
        var frame = new Frame(new StringColumn("city", ["Paris"]));
        var error = Assert.Throws<SchemaMismatchException>(() => new StandardScaler().Fit(frame));
        Assert.Contains("'city'", error.Message);
    }

    [Fact]
    public void A_frame_without_a_fitted_column_is_rejected_by_name()
    {
        var model = new StandardScaler().Fit(Sample);
        var error = Assert.Throws<SchemaMismatchException>(() => model.Transform(Sample.Drop("b")));
        Assert.Contains("'b'", error.Message);
    }
}
