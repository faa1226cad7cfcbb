using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>Numeric features as one row-major matrix for distance work; text, NaN and ∞ are errors naming the column.</summary>
internal sealed class NumericRows
{
    NumericRows(string[] names, double[] values, int rowCount)
    {
        Names = names;
        Values = values;
        RowCount = rowCount;
    }

    public string[] Names { get; }

    /// <summary>Row i is <c>Values[i * Width .. (i + 1) * Width]</c>.</summary>
    public double[] Values { get; }

    public int RowCount { get; }

    public int Width => Names.Length;

    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * Width, Width);

    public static NumericRows Of(Frame features, string estimator)
    {
        var columns = NumericInput.Columns(features, estimator);
        var width = columns.Length;
        var values = new double[(long)features.RowCount * width];
        for (var j = 0; j < width; j++)
        {
            var column = columns[j].Values;
            for (var i = 0; i < column.Length; i++)
            {
                if (!double.IsFinite(column[i]))
                    throw new SchemaMismatchException(
                        $"{estimator}: column '{columns[j].Name}' holds {(double.IsNaN(column[i]) ? "a missing value (NaN)" : "an infinite value")} at row {i}; impute or drop it first");
                values[(long)i * width + j] = column[i];
            }
        }
        return new NumericRows([.. columns.Select(c => c.Name)], values, features.RowCount);
    }
}
