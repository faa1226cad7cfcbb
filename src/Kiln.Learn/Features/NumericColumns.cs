using System.Globalization;
using System.Numerics.Tensors;
using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Features;

/// <summary>Numeric columns as float64 with ±∞ always rejected and NaN rejected unless the estimator takes missing values.</summary>
internal static class NumericColumns
{
    public static Float64Column[] Read(Frame features, string estimator, bool allowMissing)
    {
        var columns = NumericInput.Columns(features, estimator);
        foreach (var column in columns) CheckFinite(column, estimator, allowMissing);
        return columns;
    }

    public static void CheckFinite(Float64Column column, string estimator, bool allowMissing)
    {
        var values = column.Values;
        // a finite sum proves every value finite, so the row scan only runs when something is wrong
        if (double.IsFinite(TensorPrimitives.Sum(values))) return;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsInfinity(value))
                throw new SchemaMismatchException(
                    $"{estimator}: column '{column.Name}' holds {value.ToString(CultureInfo.InvariantCulture)} at row {i}; it takes finite values");
            if (double.IsNaN(value) && !allowMissing)
                throw new SchemaMismatchException(
                    $"{estimator}: column '{column.Name}' has a missing value (NaN) at row {i}; fill it first, e.g. with simple-imputer");
        }
    }

    /// <summary>The non-missing values of a column, sorted ascending.</summary>
    public static double[] SortedPresent(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var v in values) if (!double.IsNaN(v)) count++;
        var present = new double[count];
        var j = 0;
        foreach (var v in values) if (!double.IsNaN(v)) present[j++] = v;
        Array.Sort(present);
        return present;
    }

    /// <summary>NumPy's default (linear) percentile of sorted values, with its lerp that is exact at both ends.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.Length == 0) return double.NaN;
        var position = (sorted.Length - 1) * probability;
        var below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1) return sorted[^1];
        var t = position - below;
        var (a, b) = (sorted[below], sorted[below + 1]);
        var difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    /// <summary>Mean and population variance (ddof 0) of the non-missing values.</summary>
    public static (double Mean, double Variance, int Count) Moments(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values) if (!double.IsNaN(v)) { sum += v; count++; }
        if (count == 0) return (double.NaN, double.NaN, 0);
        var mean = sum / count;
        double squares = 0;
        foreach (var v in values) if (!double.IsNaN(v)) squares += (v - mean) * (v - mean);
        return (mean, squares / count, count);
    }
}
