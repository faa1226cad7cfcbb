namespace Kiln.Data.Tests.Frames;

public class CorrelationTests
{
    [Fact]
    public void Correlation_covers_numeric_columns_with_ones_on_the_diagonal()
    {
        var frame = new Frame(
            new Float64Column("x", [1, 2, 3, 4]),
            new Int64Column("double_x", [2, 4, 6, 8]),
            new Float64Column("reverse", [4, 3, 2, 1]),
            new StringColumn("name", ["a", "b", "c", "d"]));
        var matrix = frame.Correlation();
        Assert.Equal(["x", "double_x", "reverse"], matrix.Names);
        Assert.Equal(1, matrix["x", "x"], 12);
        Assert.Equal(1, matrix["x", "double_x"], 12);
        Assert.Equal(-1, matrix["reverse", "x"], 12);
    }

    [Fact]
    public void Each_pair_uses_only_rows_where_both_values_are_present()
    {
        var frame = new Frame(
            new Float64Column("a", [1, 2, 3, 4, double.NaN]),
            new Float64Column("b", [1, 3, 2, double.NaN, 9]));
        // pandas: pd.DataFrame({"a": [1,2,3,4,None], "b": [1,3,2,None,9]}).corr() gives 0.5 for (a, b)
        Assert.Equal(0.5, frame.Correlation()["a", "b"], 12);
    }

    [Fact]
    public void A_constant_column_has_no_correlation()
    {
        var frame = new Frame(new Float64Column("a", [1, 2, 3]), new Float64Column("flat", [5, 5, 5]));
        Assert.True(double.IsNaN(frame.Correlation()["a", "flat"]));
    }

    [Fact]
    public void The_matrix_becomes_a_frame_with_a_column_of_names()
    {
        var frame = new Frame(new Float64Column("a", [1, 2, 3]), new Float64Column("b", [3, 1, 2])).Correlation().ToFrame();
        Assert.Equal(["column", "a", "b"], frame.ColumnNames);
        Assert.Equal("b", frame.Column<StringColumn>("column")[1]);
        Assert.Equal(-0.5, frame.Column<Float64Column>("a")[1], 12);
    }
}
