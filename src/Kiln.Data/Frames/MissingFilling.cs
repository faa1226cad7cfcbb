using System.Globalization;

namespace Kiln.Data;

/// <summary>The per-column work behind <see cref="Frame.FillMissing(MissingFill, string[])"/>.</summary>
internal static class MissingFilling
{
    public static bool Suits(MissingFill fill, Column column) => fill.Strategy switch
    {
        FillStrategy.Mean or FillStrategy.Median => column.Type.IsNumber(),
        FillStrategy.Value => fill.Value switch
        {
            string => column.Type == DataType.String,
            bool => column.Type == DataType.Bool,
            DateTime => column.Type == DataType.DateTime,
            IConvertible => column.Type.IsNumber(),
            _ => false,
        },
        _ => true,
    };

    public static ArgumentException Unsuited(MissingFill fill, Column column) => new(
        fill.Strategy == FillStrategy.Value
            ? $"column '{column.Name}' is {column.Type.Name()} and cannot be filled with the {fill.Value?.GetType().Name} value '{fill.Value}'"
            : $"column '{column.Name}' is {column.Type.Name()}; {fill.Strategy} filling needs a numeric column",
        nameof(fill));

    public static Column Fill(Column column, MissingFill fill)
    {
        switch (fill.Strategy)
        {
            case FillStrategy.ForwardFill:
                return ForwardFill(column);
            case FillStrategy.Mode:
                var groups = RowGroups.Build([column], missingIsAValue: false);
                if (groups.Count == 0) return column;
                var mode = SmallestMostFrequent(column, groups);
                return FromRow(column, column, mode);
            case FillStrategy.Mean or FillStrategy.Median:
                var values = column.AsFloat64();
                var present = ColumnStatistics.PresentValues(values.Values);
                var replacement = present.Length == 0 ? double.NaN
                    : fill.Strategy == FillStrategy.Mean ? ColumnStatistics.Mean(present) : Quantiles.Median(present);
                var filled = values.Values.ToArray();
                for (var i = 0; i < filled.Length; i++) if (double.IsNaN(filled[i])) filled[i] = replacement;
                return new Float64Column(column.Name, filled);
            default:
                return FillWithValue(column, fill.Value!);
        }
    }

    /// <summary>The row holding the mode: most frequent value, ties broken by the smallest value.</summary>
    static int SmallestMostFrequent(Column column, RowGroups groups)
    {
        var sizes = groups.Sizes();
        var largest = sizes.Max();
        var candidates = new List<int>();
        for (var g = 0; g < sizes.Length; g++) if (sizes[g] == largest) candidates.Add(groups.FirstRow[g]);
        var order = RowOrder.Sort([column.Take(candidates.ToArray())], [true]);
        return candidates[order[0]];
    }

    /// <summary>The column with every missing row taking the value at <paramref name="sourceRow"/> of <paramref name="source"/>.</summary>
    static Column FromRow(Column column, Column source, int sourceRow)
    {
        var rows = new int[column.Length];
        for (var i = 0; i < rows.Length; i++) rows[i] = column.IsMissing(i) ? sourceRow : i;
        return source.Take(rows);
    }

    static Column ForwardFill(Column column)
    {
        var rows = new int[column.Length];
        var last = -1;
        for (var i = 0; i < rows.Length; i++)
        {
            if (!column.IsMissing(i)) last = i;
            rows[i] = last;
        }
        return column.Take(rows);
    }

    static Column FillWithValue(Column column, object value)
    {
        // one extra row holding the value, stacked under the column, becomes the source for every gap
        Column single = value switch
        {
            string text => new StringColumn(column.Name, [text]),
            bool flag => new BoolColumn(column.Name, [flag]),
            DateTime time => new DateTimeColumn(column.Name, [time]),
            _ when column.Type == DataType.Int64 && Convert.ToDouble(value, CultureInfo.InvariantCulture) is var d && d == Math.Floor(d)
                => new Int64Column(column.Name, [Convert.ToInt64(value, CultureInfo.InvariantCulture)]),
            _ => new Float64Column(column.Name, [Convert.ToDouble(value, CultureInfo.InvariantCulture)]),
        };
        var stacked = ColumnConcatenation.Concat(column.Name, [column, single]);
        return FromRow(column, stacked, column.Length);
    }
}
