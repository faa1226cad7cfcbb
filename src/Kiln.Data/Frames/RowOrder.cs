namespace Kiln.Data;

/// <summary>Stable multi-key row ordering with missing values last, shared by sorting, group-by and joins.</summary>
internal static class RowOrder
{
    /// <summary>Row indices in sorted order: stable, each key ascending or descending, missing values last in every key.</summary>
    public static int[] Sort(IReadOnlyList<Column> keys, IReadOnlyList<bool> ascending)
    {
        var rowCount = keys.Count == 0 ? 0 : keys[0].Length;
        var order = new int[rowCount];
        for (var i = 0; i < rowCount; i++) order[i] = i;
        // least significant key first: stable passes leave the earlier keys in charge
        for (var k = keys.Count - 1; k >= 0; k--)
            order = StableSortBy(order, OrderKeys(keys[k], ascending[k], out var missing), missing);
        return order;
    }

    /// <summary>Positions 0..n-1 ordered by descending count, ties kept in their original order.</summary>
    public static int[] ByCountDescending(ReadOnlySpan<long> counts)
    {
        var keys = new ulong[counts.Length];
        for (var i = 0; i < keys.Length; i++) keys[i] = ~(ulong)counts[i];
        var order = new int[counts.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        return StableSortBy(order, keys, missing: null);
    }

    static int[] StableSortBy(int[] order, ulong[] keys, bool[]? missing)
    {
        var presentKeys = new ulong[order.Length];
        var positions = new int[order.Length];
        var present = 0;
        for (var position = 0; position < order.Length; position++)
        {
            var row = order[position];
            if (missing is not null && missing[row]) continue;
            (presentKeys[present], positions[present]) = (keys[row], position);
            present++;
        }
        // positions go in increasing, so a stable sort by key alone leaves ties in their current order
        if (present < RadixThreshold) SortByKeyThenPosition(presentKeys.AsSpan(0, present), positions.AsSpan(0, present));
        else RadixSort(presentKeys, positions, present);
        var sorted = new int[order.Length];
        for (var i = 0; i < present; i++) sorted[i] = order[positions[i]];
        var next = present;
        if (missing is not null)
            foreach (var row in order)
                if (missing[row]) sorted[next++] = row;
        return sorted;
    }

    /// <summary>Below this many keys a comparison sort beats the radix sort's fixed histogram cost.</summary>
    const int RadixThreshold = 4096;

    static void SortByKeyThenPosition(Span<ulong> keys, Span<int> positions)
    {
        var entries = new Entry[keys.Length];
        for (var i = 0; i < entries.Length; i++) entries[i] = new Entry(keys[i], positions[i]);
        entries.AsSpan().Sort();
        for (var i = 0; i < entries.Length; i++) (keys[i], positions[i]) = (entries[i].Key, entries[i].Position);
    }

    /// <summary>
    /// Stable least-significant-digit radix sort on 16-bit digits: linear time, and a digit all keys
    /// share (the high bits of small integers or category ranks) costs only its histogram pass.
    /// </summary>
    static void RadixSort(ulong[] keys, int[] positions, int count)
    {
        var keyBuffer = new ulong[count];
        var positionBuffer = new int[count];
        var offsets = new int[1 << 16];
        var (sourceKeys, sourcePositions, targetKeys, targetPositions) = (keys, positions, keyBuffer, positionBuffer);
        for (var shift = 0; shift < 64; shift += 16)
        {
            Array.Clear(offsets);
            for (var i = 0; i < count; i++) offsets[(int)(sourceKeys[i] >> shift) & 0xFFFF]++;
            if (offsets[(int)(sourceKeys[0] >> shift) & 0xFFFF] == count) continue;
            var total = 0;
            for (var digit = 0; digit < offsets.Length; digit++) (offsets[digit], total) = (total, total + offsets[digit]);
            for (var i = 0; i < count; i++)
            {
                var target = offsets[(int)(sourceKeys[i] >> shift) & 0xFFFF]++;
                targetKeys[target] = sourceKeys[i];
                targetPositions[target] = sourcePositions[i];
            }
            (sourceKeys, sourcePositions, targetKeys, targetPositions) = (targetKeys, targetPositions, sourceKeys, sourcePositions);
        }
        if (!ReferenceEquals(sourceKeys, keys))
        {
            sourceKeys.AsSpan(0, count).CopyTo(keys);
            sourcePositions.AsSpan(0, count).CopyTo(positions);
        }
    }

    /// <summary>One unsigned key per row whose order is the column's order (reversed when descending).</summary>
    static ulong[] OrderKeys(Column column, bool ascending, out bool[]? missing)
    {
        var keys = new ulong[column.Length];
        missing = null;
        switch (column)
        {
            case Float64Column floats:
                var values = floats.Values;
                for (var i = 0; i < keys.Length; i++)
                {
                    if (double.IsNaN(values[i])) (missing ??= new bool[keys.Length])[i] = true;
                    else keys[i] = OrderedBits(values[i]);
                }
                break;
            case Int64Column longs:
                for (var i = 0; i < keys.Length; i++) keys[i] = (ulong)(longs.Values[i] ^ long.MinValue);
                missing = longs.HasMissing ? longs.MissingMask.ToArray() : null;
                break;
            case DateTimeColumn dates:
                for (var i = 0; i < keys.Length; i++) keys[i] = (ulong)dates.Values[i].Ticks;
                missing = dates.HasMissing ? dates.MissingMask.ToArray() : null;
                break;
            case BoolColumn bools:
                for (var i = 0; i < keys.Length; i++) keys[i] = bools.Values[i] ? 1UL : 0UL;
                missing = bools.HasMissing ? bools.MissingMask.ToArray() : null;
                break;
            case StringColumn strings:
                var ranks = CategoryRanks(strings.Categories);
                var codes = strings.Codes;
                for (var i = 0; i < keys.Length; i++)
                {
                    if (codes[i] < 0) (missing ??= new bool[keys.Length])[i] = true;
                    else keys[i] = (ulong)ranks[codes[i]];
                }
                break;
            default:
                throw new NotSupportedException($"column '{column.Name}' has type {column.Type.Name()}, which cannot be ordered");
        }
        if (!ascending)
            for (var i = 0; i < keys.Length; i++) keys[i] = ~keys[i];
        return keys;
    }

    /// <summary>Each category's position in ordinal (code point) order, as Python sorts strings.</summary>
    internal static int[] CategoryRanks(IReadOnlyList<string> categories)
    {
        var byText = new int[categories.Count];
        for (var i = 0; i < byText.Length; i++) byText[i] = i;
        Array.Sort(byText, (a, b) => string.CompareOrdinal(categories[a], categories[b]));
        var ranks = new int[categories.Count];
        for (var i = 0; i < byText.Length; i++) ranks[byText[i]] = i;
        return ranks;
    }

    /// <summary>IEEE bits rearranged so unsigned order equals numeric order; -0 is folded into +0 so they tie.</summary>
    static ulong OrderedBits(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return bits < 0 ? ~(ulong)bits : (ulong)bits | 0x8000_0000_0000_0000UL;
    }

    readonly record struct Entry(ulong Key, int Position) : IComparable<Entry>
    {
        public int CompareTo(Entry other) =>
            Key != other.Key ? Key.CompareTo(other.Key) : Position.CompareTo(other.Position);
    }
}
