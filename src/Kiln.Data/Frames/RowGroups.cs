namespace Kiln.Data;

/// <summary>
/// Rows labelled by the distinct values of one or more key columns: dense group ids in order of
/// first appearance. String keys use their dictionary codes directly, so they need no hashing.
/// </summary>
internal sealed class RowGroups
{
    RowGroups(int[] groupOfRow, int count)
    {
        GroupOfRow = groupOfRow;
        Count = count;
        FirstRow = new int[count];
        FirstRow.AsSpan().Fill(-1);
        for (var row = 0; row < groupOfRow.Length; row++)
        {
            var group = groupOfRow[row];
            if (group >= 0 && FirstRow[group] < 0) FirstRow[group] = row;
        }
    }

    /// <summary>The group of each row, or -1 for a row left out because a key is missing.</summary>
    public int[] GroupOfRow { get; }

    public int Count { get; }

    /// <summary>The first row of each group; increasing, since ids follow first appearance.</summary>
    public int[] FirstRow { get; }

    public long[] Sizes()
    {
        var sizes = new long[Count];
        foreach (var group in GroupOfRow) if (group >= 0) sizes[group]++;
        return sizes;
    }

    /// <summary>Labels rows by their key values; a missing key either forms its own value or leaves the row out.</summary>
    public static RowGroups Build(IReadOnlyList<Column> keys, bool missingIsAValue)
    {
        if (keys.Count == 0) throw new ArgumentException("at least one key column is needed", nameof(keys));
        var (ids, count) = Encode(keys[0], missingIsAValue);
        for (var k = 1; k < keys.Count; k++)
        {
            var (next, nextCount) = Encode(keys[k], missingIsAValue);
            (ids, count) = Combine(ids, count, next, nextCount);
        }
        return new RowGroups(ids, count);
    }

    static (int[] Ids, int Count) Encode(Column column, bool missingIsAValue) => column switch
    {
        StringColumn strings => EncodeCodes(strings.Codes, strings.Categories.Count, missingIsAValue),
        Float64Column floats => EncodeFloats(floats.Values, missingIsAValue),
        Int64Column longs => EncodeValues(longs, missingIsAValue),
        BoolColumn bools => EncodeValues(bools, missingIsAValue),
        DateTimeColumn dates => EncodeValues(dates, missingIsAValue),
        _ => throw new NotSupportedException($"column '{column.Name}' has type {column.Type.Name()}, which cannot be a key"),
    };

    static (int[] Ids, int Count) EncodeCodes(ReadOnlySpan<int> codes, int categoryCount, bool missingIsAValue)
    {
        // slot 0 is the missing value, slot c+1 is category c
        var slots = new int[categoryCount + 1];
        slots.AsSpan().Fill(-1);
        if (!missingIsAValue) slots[0] = -2;
        var ids = new int[codes.Length];
        var count = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var slot = codes[i] + 1;
            var id = slots[slot];
            if (id == -1) id = slots[slot] = count++;
            ids[i] = id < 0 ? -1 : id;
        }
        return (ids, count);
    }

    static (int[] Ids, int Count) EncodeFloats(ReadOnlySpan<double> values, bool missingIsAValue)
    {
        var missing = new bool[values.Length];
        for (var i = 0; i < values.Length; i++) missing[i] = double.IsNaN(values[i]);
        return EncodeValues(values, missing, missingIsAValue);
    }

    static (int[] Ids, int Count) EncodeValues<T>(ValueColumn<T> column, bool missingIsAValue) where T : unmanaged, IEquatable<T> =>
        EncodeValues(column.Values, column.MissingMask, missingIsAValue);

    /// <summary>Hashes values into ids; an empty mask means nothing is missing. Equal doubles (0 and -0 too) share an id.</summary>
    static (int[] Ids, int Count) EncodeValues<T>(ReadOnlySpan<T> values, ReadOnlySpan<bool> missing, bool missingIsAValue)
        where T : unmanaged, IEquatable<T>
    {
        var lookup = new Dictionary<T, int>();
        var ids = new int[values.Length];
        var missingId = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!missing.IsEmpty && missing[i])
            {
                if (missingIsAValue && missingId < 0) missingId = lookup.Count;
                ids[i] = missingIsAValue ? missingId : -1;
                continue;
            }
            ids[i] = IdOf(lookup, values[i], missingId >= 0);
        }
        return (ids, lookup.Count + (missingId >= 0 ? 1 : 0));
    }

    static int IdOf<T>(Dictionary<T, int> lookup, T value, bool missingTookAnId) where T : notnull
    {
        if (lookup.TryGetValue(value, out var id)) return id;
        id = lookup.Count + (missingTookAnId ? 1 : 0);
        lookup.Add(value, id);
        return id;
    }

    static (int[] Ids, int Count) Combine(int[] first, int firstCount, int[] second, int secondCount)
    {
        var ids = new int[first.Length];
        var pairs = (long)firstCount * secondCount;
        var count = 0;
        if (pairs <= Math.Max(1 << 20, 2L * first.Length))
        {
            var slots = new int[pairs];
            slots.AsSpan().Fill(-1);
            for (var i = 0; i < ids.Length; i++)
            {
                if (first[i] < 0 || second[i] < 0) { ids[i] = -1; continue; }
                ref var slot = ref slots[(long)first[i] * secondCount + second[i]];
                if (slot < 0) slot = count++;
                ids[i] = slot;
            }
            return (ids, count);
        }
        var lookup = new Dictionary<long, int>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (first[i] < 0 || second[i] < 0) { ids[i] = -1; continue; }
            ids[i] = IdOf(lookup, (long)first[i] * secondCount + second[i], missingTookAnId: false);
        }
        return (ids, lookup.Count);
    }
}
