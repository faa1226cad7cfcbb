using System.Globalization;
using System.Text;

namespace Kiln.Data;

/// <summary>
/// Collects one column's values across all rows of a JSON lines file, then picks the narrowest type
/// that holds them all: int64, float64 (ints and floats mixed), bool, datetime, string, or string text
/// of each value when kinds are mixed.
/// </summary>
sealed class JsonColumnBuilder
{
    readonly List<JsonCellKind> _kinds = [];
    // ints as themselves, floats as their bits, bools as 0/1, datetimes as ticks: one slot per row, no boxing.
    readonly List<long> _payload = [];
    List<string?>? _texts;
    int _integers, _floats, _bools, _strings, _nested;
    bool _allStringsAreDates = true;

    public JsonColumnBuilder(string name, int missingRowsBefore)
    {
        Name = name;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i < missingRowsBefore; i++) AddMissing();
    }

    public string Name { get; }
    public byte[] NameUtf8 { get; }
    public int Count => _kinds.Count;

    public void AddMissing() => Add(JsonCellKind.Missing, 0, null);
    public void AddInteger(long value) { _integers++; Add(JsonCellKind.Integer, value, null); }
    public void AddFloat(double value) { _floats++; Add(JsonCellKind.Float, BitConverter.DoubleToInt64Bits(value), null); }
    public void AddBool(bool value) { _bools++; Add(JsonCellKind.Bool, value ? 1 : 0, null); }
    public void AddNested(string json) { _nested++; Add(JsonCellKind.Nested, 0, json); }

    /// <summary>Adds a string; <paramref name="dateTime"/> is its ISO-8601 reading, when it has one.</summary>
    public void AddString(string value, DateTime? dateTime)
    {
        _strings++;
        if (dateTime is null) _allStringsAreDates = false;
        Add(JsonCellKind.String, dateTime?.Ticks ?? 0, value);
    }

    /// <summary>Whether any row still needs an ISO-8601 reading of its strings.</summary>
    public bool WantsDates => _allStringsAreDates;

    /// <summary>Drops the last value, so that a key repeated within one object keeps its last value.</summary>
    public void RemoveLast()
    {
        var last = _kinds.Count - 1;
        switch (_kinds[last])
        {
            case JsonCellKind.Integer: _integers--; break;
            case JsonCellKind.Float: _floats--; break;
            case JsonCellKind.Bool: _bools--; break;
            case JsonCellKind.String: _strings--; break;
            case JsonCellKind.Nested: _nested--; break;
        }
        _kinds.RemoveAt(last);
        _payload.RemoveAt(last);
        _texts?.RemoveAt(last);
    }

    void Add(JsonCellKind kind, long payload, string? text)
    {
        if (text is not null && _texts is null)
        {
            _texts = new List<string?>(_kinds.Capacity);
            for (var i = 0; i < _kinds.Count; i++) _texts.Add(null);
        }
        _kinds.Add(kind);
        _payload.Add(payload);
        _texts?.Add(text);
    }

    public Column Build(JsonLinesOptions options)
    {
        var present = _integers + _floats + _bools + _strings + _nested;
        if (present == 0 || (present == _integers + _floats && _floats > 0)) return BuildFloats();
        if (present == _integers) return BuildValues<long>((kind, payload) => payload, (n, v, m) => new Int64Column(n, v, m));
        if (present == _bools) return BuildValues((kind, payload) => payload != 0, (n, v, m) => new BoolColumn(n, v, m));
        if (present == _strings && options.InferDateTimes && _allStringsAreDates)
            return BuildValues((kind, payload) => new DateTime(payload), (n, v, m) => new DateTimeColumn(n, v, m));
        return BuildStrings();
    }

    Float64Column BuildFloats()
    {
        var values = new double[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _kinds[i] switch
            {
                JsonCellKind.Integer => _payload[i],
                JsonCellKind.Float => BitConverter.Int64BitsToDouble(_payload[i]),
                _ => double.NaN,
            };
        }
        return new Float64Column(Name, values);
    }

    Column BuildValues<T>(Func<JsonCellKind, long, T> convert, Func<string, T[], bool[]?, Column> create) where T : unmanaged
    {
        var values = new T[Count];
        bool[]? missing = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (_kinds[i] == JsonCellKind.Missing) (missing ??= new bool[values.Length])[i] = true;
            else values[i] = convert(_kinds[i], _payload[i]);
        }
        return create(Name, values, missing);
    }

    StringColumn BuildStrings()
    {
        var values = new string?[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _kinds[i] switch
            {
                JsonCellKind.Integer => _payload[i].ToString(CultureInfo.InvariantCulture),
                JsonCellKind.Float => BitConverter.Int64BitsToDouble(_payload[i]).ToString("R", CultureInfo.InvariantCulture),
                JsonCellKind.Bool => _payload[i] != 0 ? "true" : "false",
                JsonCellKind.String or JsonCellKind.Nested => _texts![i],
                _ => null,
            };
        }
        return new StringColumn(Name, values);
    }
}
