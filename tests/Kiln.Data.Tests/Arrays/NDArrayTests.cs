using System.Numerics.Tensors;

namespace Kiln.Data.Tests.Arrays;

public class NDArrayTests
{
    [Fact]
    public void Arange_with_a_stop_counts_integers_from_zero()
    {
        TensorAssert.Equal([5], [0, 1, 2, 3, 4], NDArray.Arange(5));
    }

    [Fact]
    public void Arange_with_a_fractional_step_matches_numpy_including_rounding()
    {
        // np.arange(0, 1, 0.1).tolist()
        TensorAssert.Equal([10],
            [0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9],
            NDArray.Arange(0.0, 1.0, 0.1));
    }

    [Fact]
    public void Arange_counts_down_with_a_negative_step_and_leaves_out_stop()
    {
        TensorAssert.Equal([3], [5, 3, 1], NDArray.Arange(5, 0, -2));
        TensorAssert.Equal([3], [1L, 2L, 3L], NDArray.Arange(1L, 4L));
    }

    [Fact]
    public void Arange_is_empty_when_the_step_points_away_from_stop()
    {
        Assert.Equal(0, NDArray.Arange(3.0, 3.0, 1.0).FlattenedLength);
        Assert.Equal(0, NDArray.Arange(1.0, 2.0, -1.0).FlattenedLength);
    }

    [Fact]
    public void Arange_rejects_a_zero_step_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NDArray.Arange(0.0, 1.0, 0.0));
        Assert.Equal("step", error.ParamName);
    }

    [Fact]
    public void Linspace_includes_both_ends_by_default()
    {
        TensorAssert.Equal([5], [0.0, 0.25, 0.5, 0.75, 1.0], NDArray.Linspace(0.0, 1.0, 5));
        // np.linspace(0.1, 0.7, 7).tolist(): the same formula gives the same bits.
        TensorAssert.Equal([7], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], NDArray.Linspace(0.1, 0.7, 7));
    }

    [Fact]
    public void Linspace_without_endpoint_leaves_out_stop()
    {
        TensorAssert.Equal([5], [0.0, 0.2, 0.4, 0.6000000000000001, 0.8], NDArray.Linspace(0.0, 1.0, 5, endpoint: false));
    }

    [Fact]
    public void Linspace_of_one_value_is_start_and_of_none_is_empty()
    {
        TensorAssert.Equal([1], [2.0], NDArray.Linspace(2.0, 3.0, 1));
        TensorAssert.Equal([0], Array.Empty<double>(), NDArray.Linspace(0.0, 1.0, 0));
    }

    [Fact]
    public void Linspace_rejects_a_negative_count_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NDArray.Linspace(0.0, 1.0, -1));
        Assert.Equal("count", error.ParamName);
    }

    [Fact]
    public void Linspace_works_in_single_precision()
    {
        TensorAssert.Equal([3], [0f, 0.5f, 1f], NDArray.Linspace(0f, 1f, 3));
    }

    [Fact]
    public void Ones_and_full_fill_the_shape()
    {
        TensorAssert.Equal([2, 2], [1.0, 1.0, 1.0, 1.0], NDArray.Ones<double>(2, 2));
        TensorAssert.Equal([1, 3], [7f, 7f, 7f], NDArray.Full([1, 3], 7f));
    }

    [Fact]
    public void From_rows_builds_a_matrix_row_by_row()
    {
        var x = NDArray.FromRows([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        TensorAssert.Equal([2, 3], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], x);
        Assert.Equal(6.0, x[1, 2]);
    }

    [Fact]
    public void From_rows_names_the_row_of_the_wrong_length()
    {
        var error = Assert.Throws<ArgumentException>(() => NDArray.FromRows([[1.0, 2.0], [3.0, 4.0], [5.0]]));
        Assert.Equal("rows", error.ParamName);
        Assert.Contains("row 2 has 1 values but row 0 has 2", error.Message);
    }
}
