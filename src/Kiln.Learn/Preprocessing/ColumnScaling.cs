using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>The per-column affine maps the scalers apply, in the same operation order as scikit-learn so the numbers agree.</summary>
internal static class ColumnScaling
{
    /// <summary>(x − centre) / divisor in every column; NaN stays NaN.</summary>
    public static Frame CentreAndDivide(IReadOnlyList<Float64Column> columns, double[] centres, double[] divisors) =>
        Map(columns, (values, result, j) =>
        {
            TensorPrimitives.Subtract(values, centres[j], result);
            TensorPrimitives.Divide(result, divisors[j], result);
        });

    /// <summary>x · factor + offset in every column, then clamped to [low, high] when <paramref name="clip"/> is set.</summary>
    public static Frame MultiplyAdd(IReadOnlyList<Float64Column> columns, double[] factors, double[] offsets, (double Low, double High)? clip) =>
        Map(columns, (values, result, j) =>
        {
            TensorPrimitives.Multiply(values, factors[j], result);
            TensorPrimitives.Add(result, offsets[j], result);
            if (clip is not { } range) return;
            for (var i = 0; i < result.Length; i++) result[i] = Math.Clamp(result[i], range.Low, range.High);
        });

    delegate void ColumnMap(ReadOnlySpan<double> values, Span<double> result, int column);

    static Frame Map(IReadOnlyList<Float64Column> columns, ColumnMap map)
    {
        var output = new Column[columns.Count];
        Parallel.For(0, columns.Count, j =>
        {
            var result = GC.AllocateUninitializedArray<double>(columns[j].Length);
            map(columns[j].Values, result, j);
            output[j] = new Float64Column(columns[j].Name, result);
        });
        return new Frame(output);
    }

    /// <summary>scikit-learn's handling of zeros in scale: a zero (constant column) divides by one instead.</summary>
    public static double NonZero(double scale) => scale == 0 ? 1 : scale;
}
