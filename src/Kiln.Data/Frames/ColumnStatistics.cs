using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>Whole-column statistics over contiguous doubles, shared by describe, fillna and correlation.</summary>
internal static class ColumnStatistics
{
    /// <summary>A copy of the values without NaN, which selection may then reorder freely.</summary>
    public static double[] PresentValues(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var value in values) if (!double.IsNaN(value)) count++;
        var present = new double[count];
        if (count == values.Length)
        {
            values.CopyTo(present);
            return present;
        }
        var next = 0;
        foreach (var value in values) if (!double.IsNaN(value)) present[next++] = value;
        return present;
    }

    public static double Mean(ReadOnlySpan<double> present) =>
        present.Length == 0 ? double.NaN : TensorPrimitives.Sum(present) / present.Length;

    /// <summary>Sample standard deviation (ddof 1) by squared deviations from the mean; NaN below two values.</summary>
    public static double SampleStd(ReadOnlySpan<double> present, double mean)
    {
        if (present.Length < 2) return double.NaN;
        var squares = 0.0;
        foreach (var value in present)
        {
            var deviation = value - mean;
            squares += deviation * deviation;
        }
        return Math.Sqrt(squares / (present.Length - 1));
    }
}
