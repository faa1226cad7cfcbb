namespace Kiln.Data;

/// <summary>
/// A column of text, dictionary-encoded: each row holds a code into <see cref="Categories"/>
/// (-1 when missing). Repeated values cost four bytes a row, so this is also the categorical type.
/// </summary>
public sealed partial class StringColumn : Column
{
    readonly int[] _codes;
    readonly string[] _categories;
    int _missing = -1;

    /// <summary>Builds a column from codes into a dictionary; every code must be -1 or a valid index.</summary>
    public StringColumn(string name, int[] codes, string[] categories) : base(name)
    {
        _codes = codes;
        _categories = categories;
    }

    /// <summary>Builds a column from plain strings; <c>null</c> is a missing value.</summary>
    public StringColumn(string name, IReadOnlyList<string?> values) : base(name)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        _codes = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null) { _codes[i] = -1; continue; }
            if (!lookup.TryGetValue(value, out var code))
            {
                code = categories.Count;
                lookup.Add(value, code);
                categories.Add(value);
            }
            _codes[i] = code;
        }
        _categories = [.. categories];
    }

    public override DataType Type => DataType.String;
    public override int Length => _codes.Length;

    /// <summary>One code per row into <see cref="Categories"/>; -1 is missing.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The dictionary. After a filter it may hold values no row uses any more.</summary>
    public IReadOnlyList<string> Categories => _categories;

    public string? this[int row] => _codes[row] < 0 ? null : _categories[_codes[row]];
    public override bool IsMissing(int row) => _codes[row] < 0;

    public override int MissingCount
    {
        get
        {
            if (_missing < 0)
            {
                var count = 0;
                foreach (var c in _codes) if (c < 0) count++;
                _missing = count;
            }
            return _missing;
        }
    }

    public override object? GetValue(int row) => this[row];
    public override string Format(int row) => this[row] ?? "<NA>";
    public override Column Rename(string name) => new StringColumn(name, _codes, _categories);

    public override long MemoryBytes
    {
        get
        {
            long bytes = _codes.LongLength * sizeof(int);
            foreach (var s in _categories) bytes += 2L * s.Length + 24;
            return bytes;
        }
    }

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var codes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            codes[i] = rows[i] < 0 ? -1 : _codes[rows[i]];
        return new StringColumn(Name, codes, _categories);
    }
}
