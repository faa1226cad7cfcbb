using System.Numerics.Tensors;

namespace Kiln.Data.Tests.Arrays;

/// <summary>Every expected string is NumPy 1.24's <c>repr</c> of the same array.</summary>
public class ArrayFormattingTests
{
    [Fact]
    public void Floats_line_up_on_the_decimal_point()
    {
        Assert.Equal("""
            array([[1. , 2.5],
                   [3. , 4. ]])
            """, NDArray.FromRows([[1.0, 2.5], [3.0, 4.0]]).ToArrayString());
    }

    [Fact]
    public void Negative_floats_line_up_with_positive_ones()
    {
        Assert.Equal("""
            array([[-1.25,  3.  ],
                   [10.  , -0.5 ]])
            """, NDArray.FromRows([[-1.25, 3.0], [10.0, -0.5]]).ToArrayString());
    }

    [Fact]
    public void Floats_print_their_shortest_digits_up_to_eight_decimals()
    {
        Assert.Equal("array([0. , 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])", NDArray.Arange(0.0, 1.0, 0.1).ToArrayString());
    }

    [Fact]
    public void A_3d_integer_tensor_separates_its_blocks_with_a_blank_line()
    {
        var x = Tensor.Reshape(NDArray.Arange(24L), [2, 3, 4]);
        Assert.Equal("""
            array([[[ 0,  1,  2,  3],
                    [ 4,  5,  6,  7],
                    [ 8,  9, 10, 11]],

                   [[12, 13, 14, 15],
                    [16, 17, 18, 19],
                    [20, 21, 22, 23]]])
            """, x.ToArrayString());
    }

    [Fact]
    public void Booleans_pad_true_to_the_width_of_false()
    {
        Assert.Equal("array([ True, False,  True])", Tensor.Create(new[] { true, false, true }, [3]).ToArrayString());
    }

    [Fact]
    public void Types_other_than_numpys_defaults_are_named()
    {
        Assert.Equal("array([0.1 , 0.25, 3.  ], dtype=float32)", Tensor.Create(new[] { 0.1f, 0.25f, 3f }, [3]).ToArrayString());
        Assert.Equal("array([0, 1, 2, 3, 4], dtype=int32)", NDArray.Arange(5).ToArrayString());
    }

    [Fact]
    public void Nan_and_infinity_are_right_aligned_in_the_column()
    {
        Assert.Equal("array([ 1.5,  nan, -inf,  2. ])",
            Tensor.Create(new[] { 1.5, double.NaN, double.NegativeInfinity, 2.0 }, [4]).ToArrayString());
    }

    [Fact]
    public void Widely_spread_magnitudes_switch_to_scientific_notation()
    {
        Assert.Equal("array([1.00000000e-05, 1.00000000e+00, 1.23456789e+05])",
            Tensor.Create(new[] { 1e-5, 1.0, 123456.789 }, [3]).ToArrayString());
        Assert.Equal("array([1.0e+09, 2.5e+00])", Tensor.Create(new[] { 1e9, 2.5 }, [2]).ToArrayString());
    }

    [Fact]
    public void Long_rows_wrap_at_75_characters()
    {
        var x = Tensor.Divide<double>(NDArray.Arange(40.0), 7.0);
        Assert.Equal("""
            array([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,
                   0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,
                   1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,
                   2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,
                   2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,
                   3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714,
                   4.28571429, 4.42857143, 4.57142857, 4.71428571, 4.85714286,
                   5.        , 5.14285714, 5.28571429, 5.42857143, 5.57142857])
            """, x.ToArrayString());
    }

    [Fact]
    public void A_named_type_moves_to_its_own_line_when_the_last_line_is_full()
    {
        var x = Tensor.Divide<float>(NDArray.Arange(30f), 3f);
        Assert.Equal("""
            array([0.        , 0.33333334, 0.6666667 , 1.        , 1.3333334 ,
                   1.6666666 , 2.        , 2.3333333 , 2.6666667 , 3.        ,
                   3.3333333 , 3.6666667 , 4.        , 4.3333335 , 4.6666665 ,
                   5.        , 5.3333335 , 5.6666665 , 6.        , 6.3333335 ,
                   6.6666665 , 7.        , 7.3333335 , 7.6666665 , 8.        ,
                   8.333333  , 8.666667  , 9.        , 9.333333  , 9.666667  ],
                  dtype=float32)
            """, x.ToArrayString());
    }

    [Fact]
    public void Large_vectors_are_summarised_from_their_edges()
    {
        Assert.Equal("""
            array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,
                   1.999e+03])
            """, NDArray.Arange(2000.0).ToArrayString());
    }

    [Fact]
    public void Large_matrices_are_summarised_in_rows_and_columns()
    {
        var x = Tensor.Reshape(NDArray.Arange(2000L), [100, 20]);
        Assert.Equal("""
            array([[   0,    1,    2, ...,   17,   18,   19],
                   [  20,   21,   22, ...,   37,   38,   39],
                   [  40,   41,   42, ...,   57,   58,   59],
                   ...,
                   [1940, 1941, 1942, ..., 1957, 1958, 1959],
                   [1960, 1961, 1962, ..., 1977, 1978, 1979],
                   [1980, 1981, 1982, ..., 1997, 1998, 1999]])
            """, x.ToArrayString());
    }

    [Fact]
    public void Empty_tensors_show_their_type_and_any_shape_other_than_zero()
    {
        Assert.Equal("array([], dtype=float64)", Tensor.CreateFromShape<double>([0]).ToArrayString());
        Assert.Equal("array([], shape=(0, 3), dtype=float64)", Tensor.CreateFromShape<double>([0, 3]).ToArrayString());
    }

    [Fact]
    public void Options_change_precision_and_the_summary_threshold()
    {
        var options = new ArrayPrintOptions(Precision: 3, Threshold: 5, EdgeItems: 2);
        Assert.Equal("array([0.   , 0.143, ..., 0.857, 1.   ])",
            Tensor.Divide<double>(NDArray.Arange(8.0), 7.0).ToArrayString(options));
    }

    [Fact]
    public void A_transposed_view_prints_in_its_own_order()
    {
        var x = NDArray.FromRows([[1L, 2L, 3L], [4L, 5L, 6L]]);
        Assert.Equal("""
            array([[1, 4],
                   [2, 5],
                   [3, 6]])
            """, Tensor.Transpose(x).ToArrayString());
    }

    [Fact]
    public void Elements_that_are_not_numbers_print_their_own_text_right_aligned()
    {
        Assert.Equal("array([ a, bb], dtype=string)", Tensor.Create(new[] { "a", "bb" }, [2]).ToArrayString());
    }
}
