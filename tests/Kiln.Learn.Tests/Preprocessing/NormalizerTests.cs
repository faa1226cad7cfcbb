using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class NormalizerTests
{
    static readonly Frame Sample = new(new Float64Column("a", [1, 0, 3]), new Int64Column("b", [-2, 0, 4]), new Float64Column("c", [2, 0, -12]));

    // scikit-learn: Normalizer(norm=n).fit_transform(Sample); the zero row stays zeros
    [Theory]
    [InlineData(Norm.L1, new[] { 0.2, -0.4, 0.4 }, new[] { 0.15789473684210525, 0.21052631578947367, -0.631578947368421 })]
    [InlineData(Norm.L2, new[] { 0.3333333333333333, -0.6666666666666666, 0.6666666666666666 }, new[] { 0.23076923076923078, 0.3076923076923077, -0.9230769230769231 })]
    [InlineData(Norm.Max, new[] { 0.5, -1.0, 1.0 }, new[] { 0.25, 0.3333333333333333, -1.0 })]
    public void Each_row_is_scaled_to_unit_norm(Norm norm, double[] first, double[] last)
    {
        var normalized = new Normalizer { Norm = norm }.Fit(Sample).Transform(Sample);
        FrameAssert.Rows([first, [0, 0, 0], last], normalized);
    }

    [Fact]
    public void Missing_values_are_rejected_by_column()
    {
        var frame = new Frame(new Float64Column("gap", [1, double.NaN]));
        var error = Assert.Throws<SchemaMismatchException>(() => new Normalizer().Fit(frame));
        Assert.Contains("'gap'", error.Message);
    }

    [Fact]
    public void A_saved_normalizer_keeps_its_norm()
    {
        var model = new Normalizer { Norm = Norm.L1 }.Fit(Sample);
        FrameAssert.Identical(model.Transform(Sample), FrameAssert.Reloaded(model).Transform(Sample));
    }
}
