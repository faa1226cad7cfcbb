using System.Numerics;
using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>Rejects NaN and ∞ in numeric columns with an error naming the column and the first bad row.</summary>
internal static class FiniteInput
{
    /// <summary>Throws when a value is ∞, or NaN unless <paramref name="allowMissing"/>; NaN counts as a missing value.</summary>
    public static void Require(Float64Column column, string estimator, bool allowMissing)
    {
        var values = column.Values;
        if (IsClean(values, allowMissing)) return;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsInfinity(v))
                throw new SchemaMismatchException($"{estimator}: column '{column.Name}' holds {v} at row {i}; it takes finite values");
            if (double.IsNaN(v) && !allowMissing)
                throw new SchemaMismatchException(
                    $"{estimator}: column '{column.Name}' has a missing value at row {i}; fill it first (e.g. with simple-imputer)");
        }
    }

    /// <summary>Every column as float64 (text rejected by name), checked for ∞ and, unless allowed, NaN.</summary>
    public static Float64Column[] Columns(Frame features, string estimator, bool allowMissing)
    {
        var columns = NumericInput.Columns(features, estimator);
        foreach (var column in columns) Require(column, estimator, allowMissing);
        return columns;
    }

    /// <summary>One vectorised pass: x − x is 0 for finite x and NaN for NaN and ±∞; |x| = ∞ singles out infinities.</summary>
    static bool IsClean(ReadOnlySpan<double> values, bool allowMissing)
    {
        var width = Vector<double>.Count;
        var infinity = new Vector<double>(double.PositiveInfinity);
        var differences = Vector<double>.Zero;
        var infinities = Vector<long>.Zero;
        var i = 0;
        for (; i + width <= values.Length; i += width)
        {
            var v = new Vector<double>(values.Slice(i, width));
            if (allowMissing) infinities |= Vector.Equals(Vector.Abs(v), infinity);
            else differences += v - v;
        }
        for (; i < values.Length; i++)
        {
            if (double.IsInfinity(values[i]) || (!allowMissing && double.IsNaN(values[i]))) return false;
        }
        return allowMissing ? infinities == Vector<long>.Zero : !double.IsNaN(Vector.Sum(differences));
    }
}
