using System.Numerics;
using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// Rejects values a registered estimator cannot take, naming the column and row: ∞ always, missing numeric values
/// unless the estimator is tagged <see cref="Capability.AllowsMissing"/>. Unregistered estimators (pipelines) leave it to their steps.
/// </summary>
public static class InputValues
{
    public static void Check(Frame features, IEstimator estimator)
    {
        if (EstimatorCatalog.TryFind(estimator.GetType()) is not { } entry) return;
        var allowsMissing = entry.Has(Capability.AllowsMissing);
        foreach (var column in features.Columns)
        {
            if (column is Float64Column numbers)
                RequireFinite(numbers, entry.Name, allowsMissing);
            else if (!allowsMissing && column.Type.IsNumeric() && column.MissingCount > 0)
            {
                var row = 0;
                while (!column.IsMissing(row)) row++;
                throw Missing(entry.Name, column.Name, row);
            }
        }
    }

    /// <summary>Throws when a value is ∞, or NaN unless <paramref name="allowMissing"/>; NaN counts as a missing value.</summary>
    public static void RequireFinite(Float64Column column, string estimator, bool allowMissing)
    {
        var values = column.Values;
        if (IsClean(values, allowMissing)) return;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i])) continue;
            if (double.IsNaN(values[i]))
            {
                if (allowMissing) continue;
                throw Missing(estimator, column.Name, i);
            }
            throw new SchemaMismatchException(
                $"{estimator}: column '{column.Name}' holds {(values[i] > 0 ? "∞" : "-∞")} at row {i}; replace infinite values first");
        }
    }

    public static void CheckTarget(Column? target, IEstimator estimator)
    {
        if (target is not null || EstimatorCatalog.TryFind(estimator.GetType()) is not { } entry) return;
        if (entry.Role is EstimatorRole.Classifier or EstimatorRole.Regressor || entry.Has(Capability.RequiresTarget))
            throw new ArgumentException($"{entry.Name} needs a target column to fit", nameof(target));
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

    static SchemaMismatchException Missing(string estimator, string column, int row) =>
        new($"{estimator}: column '{column}' has missing values (first at row {row}), which {estimator} does not take; impute them first (e.g. with simple-imputer) or drop those rows");
}
