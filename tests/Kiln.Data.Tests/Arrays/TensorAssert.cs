using System.Numerics.Tensors;

namespace Kiln.Data.Tests.Arrays;

/// <summary>Compares a tensor's shape and row-major values with expected literals.</summary>
internal static class TensorAssert
{
    public static void Equal<T>(nint[] expectedShape, T[] expectedValues, Tensor<T> actual)
    {
        Assert.Equal(expectedShape, actual.Lengths.ToArray());
        Assert.Equal(expectedValues, TensorLayout.RowMajor(actual).ToArray());
    }

    public static void Near(nint[] expectedShape, double[] expectedValues, Tensor<double> actual, double tolerance = 1e-8)
    {
        Assert.Equal(expectedShape, actual.Lengths.ToArray());
        var values = TensorLayout.RowMajor(actual);
        Assert.Equal(expectedValues.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(expectedValues[i] - values[i]) <= tolerance,
                $"element {i}: expected {expectedValues[i]}, got {values[i]}");
    }
}
