using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// The distinct values of a label column (classes, groups) as dense codes, numbered in order of first
/// appearance or, after <see cref="Sorted"/>, in ascending value order as NumPy's <c>np.unique</c> gives them.
/// </summary>
internal sealed class ClassLabels
{
    readonly Column _column;

    ClassLabels(Column column, int[] codeOfRow, int[] firstRow)
    {
        _column = column;
        CodeOfRow = codeOfRow;
        FirstRow = firstRow;
        Counts = new int[firstRow.Length];
        foreach (var code in codeOfRow) Counts[code]++;
    }

    /// <summary>The class code of each row.</summary>
    public int[] CodeOfRow { get; }

    /// <summary>The first row holding each class: a row to take the class's value from.</summary>
    public int[] FirstRow { get; }

    /// <summary>How many rows each class has.</summary>
    public int[] Counts { get; }

    public int Count => FirstRow.Length;

    public int RowCount => CodeOfRow.Length;

    /// <summary>The class as users read it, for error messages.</summary>
    public string Name(int code) => _column.Format(FirstRow[code]);

    /// <summary>The class values in code order, typed as the column.</summary>
    public Column Values() => _column.Take(FirstRow);

    /// <summary>The rows of each class, each list ascending.</summary>
    public int[][] RowsByClass()
    {
        var rows = new int[Count][];
        for (var c = 0; c < rows.Length; c++) rows[c] = new int[Counts[c]];
        var filled = new int[Count];
        for (var i = 0; i < CodeOfRow.Length; i++)
        {
            var code = CodeOfRow[i];
            rows[code][filled[code]++] = i;
        }
        return rows;
    }

    /// <summary>Codes in order of first appearance; a missing value is an error naming the parameter, column and row.</summary>
    public static ClassLabels Of(Column column, string parameter)
    {
        ArgumentNullException.ThrowIfNull(column, parameter);
        if (column.MissingCount > 0)
        {
            var row = 0;
            while (!column.IsMissing(row)) row++;
            throw new ArgumentException($"{parameter} column '{column.Name}' is missing a value at row {row}; drop or fill it first", parameter);
        }
        var (codes, count) = column switch
        {
            StringColumn strings => EncodeCodes(strings.Codes, strings.Categories.Count),
            Float64Column floats => Encode(floats.Values),
            Int64Column longs => Encode(longs.Values),
            BoolColumn bools => Encode(bools.Values),
            DateTimeColumn dates => Encode(dates.Values),
            _ => throw new ArgumentException($"{parameter} column '{column.Name}' is {column.Type.Name()}, which cannot label rows", parameter),
        };
        var firstRow = new int[count];
        firstRow.AsSpan().Fill(-1);
        for (var i = 0; i < codes.Length; i++)
            if (firstRow[codes[i]] < 0) firstRow[codes[i]] = i;
        return new ClassLabels(column, codes, firstRow);
    }

    /// <summary>The same labels renumbered so that codes follow ascending value order (ordinal for text).</summary>
    public ClassLabels Sorted()
    {
        var order = new int[Count];
        for (var c = 0; c < order.Length; c++) order[c] = c;
        Comparison<int> byValue = _column switch
        {
            StringColumn s => (a, b) => string.CompareOrdinal(s[FirstRow[a]], s[FirstRow[b]]),
            Float64Column f => (a, b) => f[FirstRow[a]].CompareTo(f[FirstRow[b]]),
            Int64Column l => (a, b) => l[FirstRow[a]].CompareTo(l[FirstRow[b]]),
            BoolColumn o => (a, b) => o[FirstRow[a]].CompareTo(o[FirstRow[b]]),
            DateTimeColumn d => (a, b) => d[FirstRow[a]].CompareTo(d[FirstRow[b]]),
            _ => throw new InvalidOperationException($"column '{_column.Name}' cannot be ordered"),
        };
        Array.Sort(order, byValue);
        var newCode = new int[Count];
        for (var rank = 0; rank < order.Length; rank++) newCode[order[rank]] = rank;
        var codes = new int[CodeOfRow.Length];
        for (var i = 0; i < codes.Length; i++) codes[i] = newCode[CodeOfRow[i]];
        var firstRow = new int[Count];
        for (var rank = 0; rank < order.Length; rank++) firstRow[rank] = FirstRow[order[rank]];
        return new ClassLabels(_column, codes, firstRow);
    }

    static (int[] Codes, int Count) EncodeCodes(ReadOnlySpan<int> categoryCodes, int categoryCount)
    {
        var slots = new int[categoryCount];
        slots.AsSpan().Fill(-1);
        var codes = new int[categoryCodes.Length];
        var count = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            ref var slot = ref slots[categoryCodes[i]];
            if (slot < 0) slot = count++;
            codes[i] = slot;
        }
        return (codes, count);
    }

    static (int[] Codes, int Count) Encode<T>(ReadOnlySpan<T> values) where T : notnull
    {
        var lookup = new Dictionary<T, int>();
        var codes = new int[values.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (!lookup.TryGetValue(values[i], out var code))
                lookup.Add(values[i], code = lookup.Count);
            codes[i] = code;
        }
        return (codes, lookup.Count);
    }
}
