using System.Numerics.Tensors;

namespace Kiln.Data.Tests.Arrays;

public class ArrayIndexingTests
{
    static Tensor<double> Matrix() => NDArray.FromRows([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]]);

    [Fact]
    public void Where_with_a_full_mask_gives_the_selected_elements_in_order()
    {
        var x = Matrix();
        TensorAssert.Equal([3], [1.0, 3.0, 5.0], x.Where(Tensor.GreaterThan<double>(x, 0.0)));
    }

    [Fact]
    public void Where_with_a_mask_over_rows_keeps_whole_rows()
    {
        var features = NDArray.FromRows([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
        var labels = Tensor.Create(new[] { 1, 0, 1 }, [3]);
        var ofClassOne = features.Where(Tensor.Equals<int>(labels, 1));
        TensorAssert.Equal([2, 2], [1.0, 2.0, 5.0, 6.0], ofClassOne);
    }

    [Fact]
    public void Where_selecting_nothing_gives_an_empty_tensor()
    {
        var x = Matrix();
        Assert.Equal(0, x.Where(Tensor.GreaterThan<double>(x, 100.0)).FlattenedLength);
    }

    [Fact]
    public void Where_rejects_a_mask_of_another_shape_naming_both_shapes()
    {
        var mask = Tensor.Create(new[] { true, false, true }, [3]);
        var error = Assert.Throws<ArgumentException>(() => Matrix().Where(mask));
        Assert.Equal("mask", error.ParamName);
        Assert.Contains("mask shape (3,)", error.Message);
        Assert.Contains("(2, 3)", error.Message);
    }

    [Fact]
    public void Set_where_assigns_one_value_to_every_selected_element()
    {
        var x = Matrix();
        x.SetWhere(Tensor.LessThan<double>(x, 0.0), 0.0);
        TensorAssert.Equal([2, 3], [1.0, 0.0, 3.0, 0.0, 5.0, 0.0], x);
    }

    [Fact]
    public void Set_where_assigns_values_in_order()
    {
        var x = Matrix();
        x.SetWhere(Tensor.LessThan<double>(x, 0.0), [20.0, 40.0, 60.0]);
        TensorAssert.Equal([2, 3], [1.0, 20.0, 3.0, 40.0, 5.0, 60.0], x);
    }

    [Fact]
    public void Set_where_with_a_row_mask_fills_whole_rows()
    {
        var x = Matrix();
        x.SetWhere(Tensor.Create(new[] { false, true }, [2]), double.NaN);
        TensorAssert.Equal([2, 3], [1.0, -2.0, 3.0, double.NaN, double.NaN, double.NaN], x);
    }

    [Fact]
    public void Set_where_writes_through_a_transposed_view_into_the_original()
    {
        var x = Matrix();
        var view = Tensor.Transpose(x);
        view.SetWhere(Tensor.Create(new[] { true, false, false }, [3]), [7.0, 8.0]);
        TensorAssert.Equal([2, 3], [7.0, -2.0, 3.0, 8.0, 5.0, -6.0], x);
    }

    [Fact]
    public void Set_where_rejects_the_wrong_number_of_values()
    {
        var x = Matrix();
        var error = Assert.Throws<ArgumentException>(() => x.SetWhere(Tensor.LessThan<double>(x, 0.0), [1.0]));
        Assert.Equal("values", error.ParamName);
        Assert.Contains("selects 3 elements but 1 values", error.Message);
    }

    [Fact]
    public void Take_picks_rows_in_the_given_order_with_repeats_and_negative_positions()
    {
        TensorAssert.Equal([3, 3], [-4.0, 5.0, -6.0, 1.0, -2.0, 3.0, -4.0, 5.0, -6.0], Matrix().Take([1, 0, -1]));
    }

    [Fact]
    public void Take_along_axis_1_picks_columns()
    {
        TensorAssert.Equal([2, 2], [3.0, 1.0, -6.0, -4.0], Matrix().Take([2, 0], axis: 1));
    }

    [Fact]
    public void Take_accepts_positions_from_arg_max()
    {
        var x = Matrix();
        var best = x.ArgMax(axis: 0);
        TensorAssert.Equal([3, 3], [1.0, -2.0, 3.0, -4.0, 5.0, -6.0, 1.0, -2.0, 3.0], x.Take(best));
    }

    [Fact]
    public void Take_rejects_a_position_past_the_end_naming_the_allowed_range()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix().Take([2]));
        Assert.Equal("indices", error.ParamName);
        Assert.Contains("allowed -2..1", error.Message);
    }
}
