using System.Numerics.Tensors;

namespace Kiln.Data.Tests.Arrays;

/// <summary>
/// What Kiln relies on System.Numerics.Tensors for rather than reimplementing: element-wise maths with NumPy's
/// broadcasting rules, reshape and transpose. These tests document the calls and fail if the library changes.
/// </summary>
public class TensorBasicsTests
{
    [Fact]
    public void Element_wise_operations_broadcast_a_row_and_a_column_as_numpy_does()
    {
        var matrix = NDArray.FromRows([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        var row = Tensor.Create(new[] { 10.0, 20.0, 30.0 }, [3]);
        var column = Tensor.Create(new[] { 100.0, 200.0 }, [2, 1]);

        TensorAssert.Equal([2, 3], [11.0, 22.0, 33.0, 14.0, 25.0, 36.0], matrix + row);
        TensorAssert.Equal([2, 3], [100.0, 200.0, 300.0, 800.0, 1000.0, 1200.0], Tensor.Multiply<double>(matrix, column));
        TensorAssert.Equal([2, 3], [2.0, 4.0, 6.0, 8.0, 10.0, 12.0], matrix * 2.0);
        TensorAssert.Equal([2, 3], [110.0, 120.0, 130.0, 210.0, 220.0, 230.0], Tensor.Add<double>(column, row));
    }

    [Fact]
    public void Standardising_columns_combines_axis_reductions_with_broadcasting()
    {
        var x = NDArray.FromRows([[1.0, 10.0], [3.0, 30.0], [5.0, 50.0]]);
        var standardised = Tensor.Divide<double>(
            Tensor.Subtract<double>(x, x.Mean(axis: 0, keepDims: true)),
            x.Std(axis: 0, keepDims: true));
        var z = Math.Sqrt(1.5);
        TensorAssert.Near([3, 2], [-z, -z, 0, 0, z, z], standardised);
    }

    [Fact]
    public void Reshape_keeps_row_major_order_and_transpose_swaps_the_last_two_axes()
    {
        var x = Tensor.Reshape(NDArray.Arange(6.0), [2, 3]);
        TensorAssert.Equal([2, 3], [0.0, 1, 2, 3, 4, 5], x);
        TensorAssert.Equal([3, 2], [0.0, 3, 1, 4, 2, 5], Tensor.Transpose(x));
        var cube = Tensor.Reshape(NDArray.Arange(24.0), [2, 3, 4]);
        Assert.Equal([4, 3, 2], Tensor.PermuteDimensions(cube, [2, 1, 0]).Lengths.ToArray());
    }

    [Fact]
    public void Whole_tensor_statistics_come_from_tensor_itself()
    {
        var x = NDArray.FromRows([[2.0, -1.0, 7.0], [0.0, 4.0, 4.0]]);
        Assert.Equal(16.0, Tensor.Sum<double>(x));
        Assert.Equal(16.0 / 6, Tensor.Average<double>(x), 12);
        Assert.Equal(-1.0, Tensor.Min<double>(x));
        Assert.Equal(7.0, Tensor.Max<double>(x));
        // np.std(x) = 2.68741924943285, the population standard deviation.
        Assert.Equal(2.68741924943285, Tensor.StdDev<double>(x), 12);
    }
}
