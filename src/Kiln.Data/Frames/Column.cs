using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kiln.Data;

/// <summary>
/// One named, typed column of a <see cref="Frame"/>. Columns are immutable: every operation
/// returns a new column and may share storage with the old one.
/// </summary>
public abstract class Column
{
    protected Column(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    public string Name { get; }

    public abstract DataType Type { get; }

    public abstract int Length { get; }

    public abstract bool IsMissing(int row);

    /// <summary>How many rows hold no value.</summary>
    public abstract int MissingCount { get; }

    /// <summary>The value at a row, boxed (<c>null</c> when missing); for display and <c>Apply</c>, not for hot loops.</summary>
    public abstract object? GetValue(int row);

    /// <summary>The same values under another name.</summary>
    public abstract Column Rename(string name);

    /// <summary>Gathers rows by index; an index of -1 gives a missing value (used by outer joins).</summary>
    public abstract Column Take(ReadOnlySpan<int> rows);

    /// <summary>Bytes held by this column's values and masks (not counting shared dictionaries twice).</summary>
    public abstract long MemoryBytes { get; }

    /// <summary>The value as text for tables and reports; missing values print as <c>NaN</c>/<c>&lt;NA&gt;</c>.</summary>
    public virtual string Format(int row) => GetValue(row) switch
    {
        null => "<NA>",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };

    /// <summary>
    /// The column converted to another type (pandas' <c>astype</c>). Text is parsed invariantly and blank
    /// text becomes missing; float to int64 needs whole numbers; a value that cannot convert raises
    /// <see cref="ValueConversionException"/> naming the column and row.
    /// </summary>
    public Column Cast(DataType type) => ColumnConversion.Cast(this, type);

    /// <summary>The column as doubles (int64 and bool widen, text is parsed), for arithmetic and learners.</summary>
    public Float64Column AsFloat64() => (Float64Column)Cast(DataType.Float64);

    /// <summary>True where a row is missing (pandas' <c>isna</c>), as a mask for <see cref="Frame.Filter(BoolColumn)"/>.</summary>
    public BoolColumn MissingFlags()
    {
        var flags = new bool[Length];
        for (var i = 0; i < flags.Length; i++) flags[i] = IsMissing(i);
        return new BoolColumn(Name, flags);
    }

    /// <summary>True where a row has a value (pandas' <c>notna</c>).</summary>
    public BoolColumn PresentFlags() => !MissingFlags();

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/>+<paramref name="count"/>.</summary>
    public Column Slice(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"rows {start}..{start + count} are outside column '{Name}' of length {Length}");
        var rows = new int[count];
        for (var i = 0; i < count; i++) rows[i] = start + i;
        return Take(rows);
    }

    /// <summary>Rows where the mask is true; the mask must have one entry per row.</summary>
    public Column Filter(ReadOnlySpan<bool> mask)
    {
        if (mask.Length != Length)
            throw new ArgumentException($"the mask has {mask.Length} entries but column '{Name}' has {Length} rows", nameof(mask));
        return Take(MaskToRows(mask));
    }

    internal static int[] MaskToRows(ReadOnlySpan<bool> mask)
    {
        var flags = MemoryMarshal.AsBytes(mask);
        var count = flags.Length - flags.Count((byte)0);
        var rows = new int[count];
        if (count == 0) return rows;
        // branch-free: every row is written, and the next slot claimed only when kept; up to the last kept row
        // the slot written always exists, so a random mask costs no mispredicted branches
        var last = flags.LastIndexOfAnyExcept((byte)0);
        ref var slot = ref MemoryMarshal.GetArrayDataReference(rows);
        var j = 0;
        for (var i = 0; i <= last; i++)
        {
            Unsafe.Add(ref slot, j) = i;
            j += flags[i] != 0 ? 1 : 0;
        }
        return rows;
    }

    public override string ToString() => $"{Name}: {Type.Name()}[{Length}]";
}
