using Kiln.Data;

namespace Kiln.Learn.Preparation;

/// <summary>
/// How a table's feature columns are treated by default, decided from their types after text conversion: numbers
/// are imputed (and scaled), text is one-hot encoded, dates are split into parts, and identifier-like text — more
/// distinct values than <c>maxCategories</c> and mostly distinct — is left out, with the reason.
/// </summary>
public sealed record FeatureColumns(
    IReadOnlyList<string> Numeric,
    IReadOnlyList<string> Text,
    IReadOnlyList<string> Dates,
    IReadOnlyList<DroppedColumn> Dropped)
{
    public static FeatureColumns Of(Frame converted, int maxCategories = 50)
    {
        var dropped = new List<DroppedColumn>();
        var numeric = new List<string>();
        var text = new List<string>();
        var dates = new List<string>();
        foreach (var column in converted.Columns)
        {
            switch (column.Type)
            {
                case DataType.DateTime: dates.Add(column.Name); break;
                case DataType.String when IsIdentifierLike((StringColumn)column, maxCategories, out var distinct):
                    dropped.Add(new DroppedColumn(column.Name,
                        $"text with {distinct} distinct values in {column.Length - column.MissingCount} rows: an identifier or free text, not a category"));
                    break;
                case DataType.String: text.Add(column.Name); break;
                default: numeric.Add(column.Name); break;
            }
        }
        return new FeatureColumns(numeric, text, dates, dropped);
    }

    public bool IsEmpty => Numeric.Count + Text.Count + Dates.Count == 0;

    static bool IsIdentifierLike(StringColumn column, int maxCategories, out int distinct)
    {
        distinct = new Frame(column).ValueCounts(column.Name).RowCount;
        return distinct > maxCategories && distinct > (column.Length - column.MissingCount) / 2;
    }
}
