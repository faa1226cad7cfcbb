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
            {
                var values = numbers.Values;
                for (var i = 0; i < values.Length; i++)
                {
                    if (double.IsFinite(values[i])) continue;
                    if (double.IsNaN(values[i]))
                    {
                        if (allowsMissing) continue;
                        throw Missing(entry.Name, column.Name, i);
                    }
                    throw new SchemaMismatchException(
                        $"{entry.Name}: column '{column.Name}' holds {(values[i] > 0 ? "∞" : "-∞")} at row {i}; replace infinite values first");
                }
            }
            else if (!allowsMissing && column.Type.IsNumeric() && column.MissingCount > 0)
            {
                var row = 0;
                while (!column.IsMissing(row)) row++;
                throw Missing(entry.Name, column.Name, row);
            }
        }
    }

    public static void CheckTarget(Column? target, IEstimator estimator)
    {
        if (target is not null || EstimatorCatalog.TryFind(estimator.GetType()) is not { } entry) return;
        if (entry.Role is EstimatorRole.Classifier or EstimatorRole.Regressor || entry.Has(Capability.RequiresTarget))
            throw new ArgumentException($"{entry.Name} needs a target column to fit", nameof(target));
    }

    static SchemaMismatchException Missing(string estimator, string column, int row) =>
        new($"{estimator}: column '{column}' has missing values (first at row {row}), which {estimator} does not take; impute them first (e.g. with simple-imputer) or drop those rows");
}
