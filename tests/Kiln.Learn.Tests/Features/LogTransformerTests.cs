using Kiln.Data;
using Kiln.Learn.Features;

namespace Kiln.Learn.Tests.Features;

public class LogTransformerTests
{
    [Fact]
    public void Transform_takes_log1p_precisely_near_zero()
    {
        var frame = new Frame(new Float64Column("a", [1e-10, 3, double.NaN]));
        var output = new LogTransformer().Fit(frame).Transform(frame).Column<Float64Column>("a");
        // NumPy: np.log1p([1e-10, 3.0])
        Assert.Equal(9.9999999995000007e-11, output[0], 1e-25);
        Assert.Equal(1.3862943611198906, output[1], 1e-15);
        Assert.True(double.IsNaN(output[2]));
    }

    [Fact]
    public void A_value_at_or_below_minus_one_is_rejected_by_column_and_row()
    {
        var frame = new Frame(new Int64Column("count", [3, -1]));
        var error = Assert.Throws<ArgumentException>(() => new LogTransformer().Fit(frame));
        Assert.Contains("'count'", error.Message);
        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void Transform_also_rejects_values_below_minus_one_seen_later()
    {
        var model = new LogTransformer().Fit(new Frame(new Float64Column("a", [1, 2])));
        Assert.Throws<ArgumentException>(() => model.Transform(new Frame(new Float64Column("a", [-5]))));
    }
}
