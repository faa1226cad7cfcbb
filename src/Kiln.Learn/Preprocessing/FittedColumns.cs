namespace Kiln.Learn.Preprocessing;

/// <summary>Finding a fitted column by name, for models that answer questions about one column.</summary>
internal static class FittedColumns
{
    public static int IndexOf(InputSchema schema, string column, string estimator)
    {
        for (var j = 0; j < schema.Columns.Count; j++)
            if (schema.Columns[j].Name == column) return j;
        throw new ArgumentException($"{estimator} was not fitted on a column '{column}'", nameof(column));
    }
}
