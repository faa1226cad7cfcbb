namespace Kiln.Data;

/// <summary>A column of plain values with an optional mask of missing rows (int64, bool, datetime).</summary>
public abstract class ValueColumn<T> : Column where T : unmanaged
{
    readonly T[] _values;
    readonly bool[]? _missing;
    readonly int _missingCount;

    protected ValueColumn(string name, T[] values, bool[]? missing) : base(name)
    {
        if (missing is not null && missing.Length != values.Length)
            throw new ArgumentException($"column '{name}': the missing mask has {missing.Length} entries for {values.Length} values", nameof(missing));
        _values = values;
        foreach (var m in missing ?? []) if (m) _missingCount++;
        _missing = _missingCount > 0 ? missing : null;
    }

    public override int Length => _values.Length;

    /// <summary>The raw values; a missing row holds <c>default(T)</c>.</summary>
    public ReadOnlySpan<T> Values => _values;

    /// <summary>The missing mask, or <c>null</c> when no value is missing.</summary>
    public ReadOnlySpan<bool> MissingMask => _missing;

    public bool HasMissing => _missing is not null;
    public T this[int row] => _values[row];
    public override bool IsMissing(int row) => _missing is not null && _missing[row];
    public override int MissingCount => _missingCount;
    public override object? GetValue(int row) => IsMissing(row) ? null : _values[row];

    public override unsafe long MemoryBytes =>
        _values.LongLength * sizeof(T) + (_missing?.LongLength ?? 0);

    protected abstract Column Create(string name, T[] values, bool[]? missing);

    /// <summary>A column of the same type over new values, for operations that build columns generically.</summary>
    internal Column CreateLike(string name, T[] values, bool[]? missing) => Create(name, values, missing);

    public override Column Rename(string name) => Create(name, _values, _missing);

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var values = new T[rows.Length];
        bool[]? missing = null;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (row < 0 || (_missing is not null && _missing[row]))
                (missing ??= new bool[rows.Length])[i] = true;
            else
                values[i] = _values[row];
        }
        return Create(Name, values, missing);
    }
}
