using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>Whole-column statistics over contiguous doubles, shared by describe, fillna and correlation.</summary>
internal static class ColumnStatistics
{
    /// <summary>A copy of the values without NaN, which selection may then reorder freely.</summary>
    public static double[] PresentValues(ReadOnlySpan<double> values)
    {
        var buffer = new double[values.Length];
        return buffer[..CopyPresent(values, buffer)];
    }

    /// <summary>Copies a numeric column's present values, as doubles, to the front of <paramref name="destination"/>; says how many.</summary>
    public static int CopyPresent(Column column, Span<double> destination)
    {
        switch (column)
        {
            case Float64Column floats:
                return CopyPresent(floats.Values, destination);
            case Int64Column longs when !longs.HasMissing:
                TensorPrimitives.ConvertTruncating<long, double>(longs.Values, destination);
                return longs.Length;
            default:
                var values = column.AsFloat64().Values;
                return CopyPresent(values, destination);
        }
    }

    /// <summary>Copies the non-NaN values to the front of <paramref name="destination"/> and says how many there are.</summary>
    public static int CopyPresent(ReadOnlySpan<double> values, Span<double> destination)
    {
        var count = 0;
        foreach (var value in values)
        {
            // write unconditionally and advance only past values, so the loop has no unpredictable branch
            destination[count] = value;
            count += double.IsNaN(value) ? 0 : 1;
            if (count == destination.Length) break;
        }
        return count;
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
