namespace Kiln.Data;

/// <summary>Stacks columns end to end, merging string dictionaries and widening int64 with float64 to float64.</summary>
internal static class ColumnConcatenation
{
    public static Column Concat(string name, IReadOnlyList<Column> parts)
    {
        var type = CommonType(name, parts);
        return type switch
        {
            DataType.Float64 => ConcatFloats(name, parts),
            DataType.String => ConcatStrings(name, parts),
            DataType.Int64 => ConcatValues<long>(name, parts),
            DataType.Bool => ConcatValues<bool>(name, parts),
            DataType.DateTime => ConcatValues<DateTime>(name, parts),
            _ => throw new ArgumentOutOfRangeException(nameof(parts), type, null),
        };
    }

    /// <summary>The value of <paramref name="first"/> where it has one, else that of <paramref name="fallback"/>.</summary>
    public static Column Coalesce(Column first, Column fallback)
    {
        var both = Concat(first.Name, [first, fallback]);
        var rows = new int[first.Length];
        for (var i = 0; i < rows.Length; i++) rows[i] = first.IsMissing(i) ? first.Length + i : i;
        return both.Take(rows);
    }

    /// <summary>The type the stacked column takes; int64 and float64 meet as float64 (as pandas does), other mixes are errors.</summary>
    public static DataType CommonType(string name, IReadOnlyList<Column> parts)
    {
        var type = parts[0].Type;
        foreach (var part in parts)
        {
            if (part.Type == type) continue;
            if (part.Type.IsNumber() && type.IsNumber()) type = DataType.Float64;
            else throw new ArgumentException($"column '{name}' is {type.Name()} in one part and {part.Type.Name()} in another", nameof(parts));
        }
        return type;
    }

    static Float64Column ConcatFloats(string name, IReadOnlyList<Column> parts)
    {
        var values = new double[TotalLength(parts)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.AsFloat64().Values.CopyTo(values.AsSpan(offset));
            offset += part.Length;
        }
        return new Float64Column(name, values);
    }

    static Column ConcatValues<T>(string name, IReadOnlyList<Column> parts) where T : unmanaged
    {
        var values = new T[TotalLength(parts)];
        bool[]? missing = null;
        var offset = 0;
        foreach (var column in parts)
        {
            var part = (ValueColumn<T>)column;
            part.Values.CopyTo(values.AsSpan(offset));
            if (part.HasMissing) part.MissingMask.CopyTo((missing ??= new bool[values.Length]).AsSpan(offset));
            offset += part.Length;
        }
        return ((ValueColumn<T>)parts[0]).CreateLike(name, values, missing);
    }

    static StringColumn ConcatStrings(string name, IReadOnlyList<Column> parts)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        var codes = new int[TotalLength(parts)];
        var offset = 0;
        foreach (var column in parts)
        {
            var part = (StringColumn)column;
            // remap the part's dictionary once, then its rows by array lookup
            var remap = new int[part.Categories.Count];
            for (var c = 0; c < remap.Length; c++)
            {
                if (!lookup.TryGetValue(part.Categories[c], out remap[c]))
                {
                    remap[c] = categories.Count;
                    lookup.Add(part.Categories[c], categories.Count);
                    categories.Add(part.Categories[c]);
                }
            }
            var partCodes = part.Codes;
            for (var i = 0; i < partCodes.Length; i++) codes[offset + i] = partCodes[i] < 0 ? -1 : remap[partCodes[i]];
            offset += part.Length;
        }
        return new StringColumn(name, codes, [.. categories]);
    }

    static int TotalLength(IReadOnlyList<Column> parts)
    {
        long total = 0;
        foreach (var part in parts) total += part.Length;
        return total <= Array.MaxLength ? (int)total : throw new ArgumentException($"{total} rows are more than a column can hold", nameof(parts));
    }
}
