using Kiln.Data;
using Kiln.Learn.Cleaning;
using Kiln.Learn.Tests.Features;

namespace Kiln.Learn.Tests.Cleaning;

public class OutlierTests
{
    static readonly Frame Sample = new(
        new Float64Column("income", [1, 2, 3, 4, 5, 6, 7, 100]),
        new Int64Column("age", [30, 31, 32, 33, 34, 35, 36, 37]));

    [Fact]
    public void Iqr_bounds_use_numpys_linear_quartiles()
    {
        var model = new OutlierClipper().Fit(Sample);
        // NumPy: np.percentile(v, [25, 75]) = 2.75, 6.25, so the fences are 2.75 - 1.5·3.5 and 6.25 + 1.5·3.5
        Assert.Equal(-2.5, model.LowerBounds[0], 1e-12);
        Assert.Equal(11.5, model.UpperBounds[0], 1e-12);
    }

    [Fact]
    public void Z_score_bounds_use_the_population_standard_deviation()
    {
        var model = new OutlierClipper { Method = OutlierMethod.ZScore, ZThreshold = 2 }.Fit(Sample);
        Assert.Equal(-47.608175575157006, model.LowerBounds[0], 1e-9);
        Assert.Equal(79.608175575157, model.UpperBounds[0], 1e-9);
    }

    [Fact]
    public void Clipping_pulls_values_into_the_training_bounds_and_keeps_missing_values()
    {
        var model = new OutlierClipper().Fit(Sample);
        var fresh = new Frame(new Float64Column("income", [-50, 5, 1e6, double.NaN]), new Int64Column("age", [33, 33, 33, 33]));
        var clipped = model.Transform(fresh).Column<Float64Column>("income");
        Assert.Equal(-2.5, clipped[0]);
        Assert.Equal(5, clipped[1]);
        Assert.Equal(11.5, clipped[2]);
        Assert.True(double.IsNaN(clipped[3]));
    }

    [Fact]
    public void The_remover_keeps_every_row_when_transforming()
    {
        var model = new OutlierRemover().Fit(Sample);
        Assert.Equal(Sample.RowCount, model.Transform(Sample).RowCount);
    }

    [Fact]
    public void Filtering_rows_drops_outliers_and_counts_them_per_column()
    {
        var model = new OutlierRemover().Fit(Sample);
        var result = model.FilterRows(Sample);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], result.KeptRows);
        Assert.Equal(1, result.DroppedCount);
        Assert.Equal(1, result.DroppedBy["income"]);
        Assert.Equal(0, result.DroppedBy["age"]);
        var target = new Float64Column("price", [1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Equal(7, result.Apply(target).Length);
        Assert.Equal(7, result.Apply(Sample).RowCount);
    }

    [Fact]
    public void A_missing_value_never_makes_a_row_an_outlier()
    {
        var frame = new Frame(new Float64Column("income", [1, 2, double.NaN, 4, 5, 6, 7, 100]));
        var result = new OutlierRemover().Fit(frame).FilterRows(frame);
        Assert.Contains(2, result.KeptRows);
        Assert.DoesNotContain(7, result.KeptRows);
    }

    [Fact]
    public void Saved_bounds_load_back_exactly()
    {
        var clipper = new OutlierClipper { Method = OutlierMethod.ZScore }.Fit(Sample);
        Assert.Equal(clipper.UpperBounds, RoundTrip.Through(clipper).UpperBounds);
        var remover = new OutlierRemover { IqrFactor = 3 }.Fit(Sample);
        Assert.Equal(remover.LowerBounds, RoundTrip.Through(remover).LowerBounds);
    }
}
