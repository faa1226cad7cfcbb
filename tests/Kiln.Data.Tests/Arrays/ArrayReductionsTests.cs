using System.Numerics.Tensors;

namespace Kiln.Data.Tests.Arrays;

public class ArrayReductionsTests
{
    // [[2, -1, 7],
    //  [0,  4, 4]]; every expected value below was computed with NumPy 1.24.
    static Tensor<double> Matrix() => NDArray.FromRows([[2.0, -1.0, 7.0], [0.0, 4.0, 4.0]]);

    // np.arange(24.).reshape(2, 3, 4) with c[0, 1, 2] = 40 and c[1, 2, 3] = -5.
    static Tensor<double> Cube()
    {
        var values = TensorLayout.RowMajor(NDArray.Arange(24.0)).ToArray();
        values[6] = 40;
        values[23] = -5;
        return Tensor.Create(values, [2, 3, 4]);
    }

    [Fact]
    public void Sum_along_axis_0_adds_columns()
    {
        TensorAssert.Equal([3], [2.0, 3.0, 11.0], Matrix().Sum(axis: 0));
    }

    [Fact]
    public void Sum_along_axis_1_adds_rows()
    {
        TensorAssert.Equal([2], [8.0, 8.0], Matrix().Sum(axis: 1));
    }

    [Fact]
    public void Sum_along_each_axis_of_a_3d_tensor_matches_numpy()
    {
        TensorAssert.Equal([3, 4], [12.0, 14, 16, 18, 20, 22, 58, 26, 28, 30, 32, 6], Cube().Sum(axis: 0));
        TensorAssert.Equal([2, 4], [12.0, 15, 52, 21, 48, 51, 54, 29], Cube().Sum(axis: 1));
        TensorAssert.Equal([2, 3], [6.0, 56, 38, 54, 70, 58], Cube().Sum(axis: 2));
    }

    [Fact]
    public void Negative_axis_counts_from_the_last()
    {
        TensorAssert.Equal([2, 3], [6.0, 56, 38, 54, 70, 58], Cube().Sum(axis: -1));
    }

    [Fact]
    public void Keep_dims_leaves_the_reduced_axis_with_length_one()
    {
        TensorAssert.Equal([1, 3], [2.0, 3.0, 11.0], Matrix().Sum(axis: 0, keepDims: true));
        TensorAssert.Equal([2, 1, 4], [12.0, 15, 52, 21, 48, 51, 54, 29], Cube().Sum(axis: 1, keepDims: true));
    }

    [Fact]
    public void Keep_dims_result_broadcasts_back_against_the_input()
    {
        var x = Matrix();
        var centred = Tensor.Subtract<double>(x, x.Mean(axis: 1, keepDims: true));
        TensorAssert.Near([2, 3], [-2 / 3.0, -11 / 3.0, 13 / 3.0, -8 / 3.0, 4 / 3.0, 4 / 3.0], centred);
    }

    [Fact]
    public void Reducing_a_vector_gives_a_one_element_tensor()
    {
        TensorAssert.Equal([1], [6.0], NDArray.Arange(4.0).Sum(axis: 0));
    }

    [Fact]
    public void Mean_along_each_axis()
    {
        TensorAssert.Equal([3], [1.0, 1.5, 5.5], Matrix().Mean(axis: 0));
        TensorAssert.Near([2], [2.66666667, 2.66666667], Matrix().Mean(axis: 1));
    }

    [Fact]
    public void Var_along_each_axis_with_population_and_sample_divisors()
    {
        TensorAssert.Equal([3], [1.0, 6.25, 2.25], Matrix().Var(axis: 0));
        TensorAssert.Equal([3], [2.0, 12.5, 4.5], Matrix().Var(axis: 0, ddof: 1));
        TensorAssert.Near([2], [10.88888889, 3.55555556], Matrix().Var(axis: 1));
        TensorAssert.Near([2], [16.33333333, 5.33333333], Matrix().Var(axis: 1, ddof: 1));
    }

    [Fact]
    public void Std_along_each_axis_with_population_and_sample_divisors()
    {
        TensorAssert.Equal([3], [1.0, 2.5, 1.5], Matrix().Std(axis: 0));
        TensorAssert.Near([3], [1.41421356, 3.53553391, 2.12132034], Matrix().Std(axis: 0, ddof: 1));
        TensorAssert.Near([2], [3.29983165, 1.88561808], Matrix().Std(axis: 1));
        TensorAssert.Near([2], [4.04145188, 2.30940108], Matrix().Std(axis: 1, ddof: 1));
    }

    [Fact]
    public void Sample_std_along_each_axis_of_a_3d_tensor_matches_numpy()
    {
        var a = 8.48528137;
        TensorAssert.Near([3, 4], [a, a, a, a, a, a, 15.55634919, a, a, a, a, 11.3137085], Cube().Std(axis: 0, ddof: 1));
        TensorAssert.Near([2, 4], [4, 4, 20.0333056, 4, 4, 4, 4, 12.85820101], Cube().Std(axis: 1, ddof: 1));
        TensorAssert.Near([2, 3, 1], [1.29099445, 17.3781472, 1.29099445, 1.29099445, 1.29099445, 13.02561579],
            Cube().Std(axis: 2, ddof: 1, keepDims: true));
    }

    [Fact]
    public void Var_with_ddof_equal_to_the_count_divides_by_zero_as_numpy_does()
    {
        var variance = Matrix().Var(axis: 0, ddof: 2);
        Assert.All(TensorLayout.RowMajor(variance).ToArray(), v => Assert.Equal(double.PositiveInfinity, v));
    }

    [Fact]
    public void Var_rejects_a_negative_ddof()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix().Var(axis: 0, ddof: -1));
        Assert.Equal("ddof", error.ParamName);
    }

    [Fact]
    public void Min_and_max_along_each_axis()
    {
        TensorAssert.Equal([3], [0.0, -1.0, 4.0], Matrix().Min(axis: 0));
        TensorAssert.Equal([2], [-1.0, 0.0], Matrix().Min(axis: 1));
        TensorAssert.Equal([3], [2.0, 4.0, 7.0], Matrix().Max(axis: 0));
        TensorAssert.Equal([2], [7.0, 4.0], Matrix().Max(axis: 1));
        TensorAssert.Equal([2, 4], [8.0, 9, 40, 11, 20, 21, 22, 19], Cube().Max(axis: 1));
    }

    [Fact]
    public void Arg_max_and_arg_min_along_each_axis()
    {
        TensorAssert.Equal([3], [0L, 1, 0], Matrix().ArgMax(axis: 0));
        TensorAssert.Equal([2], [2L, 1], Matrix().ArgMax(axis: 1));
        TensorAssert.Equal([3], [1L, 0, 1], Matrix().ArgMin(axis: 0));
        TensorAssert.Equal([2], [1L, 0], Matrix().ArgMin(axis: 1));
    }

    [Fact]
    public void Arg_max_along_each_axis_of_a_3d_tensor_matches_numpy()
    {
        TensorAssert.Equal([3, 4], [1L, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0], Cube().ArgMax(axis: 0));
        TensorAssert.Equal([2, 4], [2L, 2, 1, 2, 2, 2, 2, 1], Cube().ArgMax(axis: 1));
        TensorAssert.Equal([2, 3], [3L, 2, 3, 3, 3, 2], Cube().ArgMax(axis: 2));
    }

    [Fact]
    public void Arg_max_picks_the_first_of_equal_values()
    {
        var x = NDArray.FromRows([[3, 1], [3, 5], [0, 5]]);
        TensorAssert.Equal([2], [0L, 1], x.ArgMax(axis: 0));
        TensorAssert.Equal([3], [0L, 1, 1], x.ArgMax(axis: 1));
    }

    [Fact]
    public void Reductions_work_on_integers_and_single_precision()
    {
        var integers = NDArray.FromRows([[1, 2, 3], [4, 5, 6]]);
        TensorAssert.Equal([3], [5, 7, 9], integers.Sum(axis: 0));
        TensorAssert.Equal([2], [3, 6], integers.Max(axis: 1));
        var singles = NDArray.FromRows([[1f, 2f, 3f], [4f, 5f, 6f]]);
        TensorAssert.Equal([3], [1.5f, 1.5f, 1.5f], singles.Std(axis: 0));
        TensorAssert.Equal([2], [2f, 5f], singles.Mean(axis: 1));
    }

    [Fact]
    public void Nan_propagates_through_sum_mean_and_max_and_wins_arg_max_as_in_numpy()
    {
        var x = NDArray.FromRows([[1.0, double.NaN, 3.0], [4.0, 5.0, 6.0]]);
        TensorAssert.Equal([3], [5.0, double.NaN, 9.0], x.Sum(axis: 0));
        TensorAssert.Equal([2], [double.NaN, 5.0], x.Mean(axis: 1));
        TensorAssert.Equal([3], [4.0, double.NaN, 6.0], x.Max(axis: 0));
        var y = NDArray.FromRows([[1.0, double.NaN, 3.0], [4.0, 5.0, double.NaN]]);
        TensorAssert.Equal([2], [1L, 2], y.ArgMax(axis: 1));
        TensorAssert.Equal([3], [1L, 0, 1], y.ArgMax(axis: 0));
    }

    [Fact]
    public void Reductions_honour_the_strides_of_a_transposed_view()
    {
        var transposed = Tensor.Transpose(Matrix());
        Assert.False(transposed.IsDense);
        TensorAssert.Equal([2], [8.0, 8.0], transposed.Sum(axis: 0));
        TensorAssert.Equal([3], [0L, 1, 0], transposed.ArgMax(axis: 1));
    }

    [Fact]
    public void Reductions_of_a_permuted_3d_view_match_those_of_its_dense_copy()
    {
        var view = Tensor.PermuteDimensions(Cube(), [2, 0, 1]);
        var copy = Tensor.Create(TensorLayout.RowMajor(view).ToArray(), view.Lengths);
        Assert.False(view.IsDense);
        for (var axis = 0; axis < 3; axis++)
        {
            Assert.Equal(Values(copy.Sum(axis)), Values(view.Sum(axis)));
            Assert.Equal(Values(copy.Std(axis, ddof: 1, keepDims: true)), Values(view.Std(axis, ddof: 1, keepDims: true)));
            Assert.Equal(Values(copy.ArgMin(axis)), Values(view.ArgMin(axis)));
            Assert.Equal(copy.Max(axis).Lengths.ToArray(), view.Max(axis).Lengths.ToArray());
        }
        // Cube()[0, 1, 2] = 40 sits at view[2, 0, 1]; along axis 1 of the view that is the largest of [40, 18].
        TensorAssert.Equal([4, 3], [12.0, 16, 20, 13, 17, 21, 14, 40, 22, 15, 19, 11], view.Max(axis: 1));
    }

    [Fact]
    public void Reductions_of_a_sliced_view_use_only_the_slice()
    {
        var columns = Matrix().Slice([0..2, 1..3]);
        TensorAssert.Equal([2], [6.0, 8.0], columns.Sum(axis: 1));
        TensorAssert.Equal([2], [3.0, 11.0], columns.Sum(axis: 0));
    }

    static T[] Values<T>(Tensor<T> x) => TensorLayout.RowMajor(x).ToArray();

    [Fact]
    public void Axis_out_of_range_names_the_axis_and_the_allowed_range()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix().Mean(axis: 2));
        Assert.Equal("axis", error.ParamName);
        Assert.Contains("allowed -2..1", error.Message);
    }

    [Fact]
    public void Sum_over_an_empty_axis_is_zero_but_max_refuses()
    {
        var empty = Tensor.CreateFromShape<double>([0, 3]);
        TensorAssert.Equal([3], [0.0, 0.0, 0.0], empty.Sum(axis: 0));
        var error = Assert.Throws<ArgumentException>(() => empty.Max(axis: 0));
        Assert.Equal("axis", error.ParamName);
        Assert.Throws<ArgumentException>(() => empty.ArgMin(axis: 0));
    }

    [Fact]
    public void Column_sums_of_a_tall_matrix_agree_with_a_plain_loop()
    {
        const int rows = 200_000, columns = 10;
        var x = new RandomArrays(seed: 3).Uniform(rows, columns);
        var values = TensorLayout.RowMajor(x);
        var expected = new double[columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                expected[c] += values[r * columns + c];
        TensorAssert.Near([columns], expected, x.Sum(axis: 0), tolerance: 1e-6);
    }
}
