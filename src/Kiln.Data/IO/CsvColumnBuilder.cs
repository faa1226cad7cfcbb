using System.Text;

namespace Kiln.Data;

/// <summary>Turns one column's fields into a typed <see cref="Column"/>, inferring the type or checking the one given.</summary>
internal sealed class CsvColumnBuilder(CsvParse parse, CsvFields fields, int column, string name, int firstDataRow)
{
    readonly int[] _starts = fields.Starts[column]!;
    readonly int[] _lengths = fields.Lengths[column]!;
    readonly int _rowCount = fields.RowCount;

    ReadOnlySpan<byte> Field(int r)
    {
        var length = _lengths[r];
        if (length >= 0) return parse.Bytes.Slice(_starts[r], length);
        return Encoding.UTF8.GetBytes(parse.Text(_starts[r], length));
    }

    bool IsMissing(ReadOnlySpan<byte> field) => parse.Missing.Contains(field);

    /// <summary>The narrowest type that holds every value: int64, then float64, bool, datetime, and string.</summary>
    public Column Infer(bool inferDates)
    {
        var longs = new long[_rowCount];
        bool[]? missing = null;
        var r = 0;
        for (; r < _rowCount; r++)
        {
            var field = Field(r);
            if (Utf8ValueParser.TryParseInt64(field, out var value)) longs[r] = value;
            else if (IsMissing(field)) (missing ??= new bool[_rowCount])[r] = true;
            else break;
        }
        var missingCount = missing?.Count(m => m) ?? 0;
        if (r == _rowCount && (missingCount < _rowCount || _rowCount == 0)) return new Int64Column(name, longs, missing);

        var doubles = new double[_rowCount];
        for (var i = 0; i < r; i++) doubles[i] = missing is not null && missing[i] ? double.NaN : longs[i];
        for (; r < _rowCount; r++)
        {
            var field = Field(r);
            if (Utf8ValueParser.TryParseDouble(field, out var value)) doubles[r] = value;
            else if (IsMissing(field)) doubles[r] = double.NaN;
            else break;
        }
        if (r == _rowCount) return new Float64Column(name, doubles);

        return TryBuildBools() ?? (inferDates ? TryBuildDates() : null) ?? BuildStrings();
    }

    /// <summary>Reads every value as the given type; a value that does not parse is an error naming its line.</summary>
    public Column Build(DataType type) => type switch
    {
        DataType.Int64 => BuildValues<long>(Utf8ValueParser.TryParseInt64, (values, missing) => new Int64Column(name, values, missing), type)!,
        DataType.Float64 => BuildFloats(),
        DataType.Bool => BuildValues<bool>(Utf8ValueParser.TryParseBool, (values, missing) => new BoolColumn(name, values, missing), type)!,
        DataType.DateTime => BuildValues<DateTime>(Utf8ValueParser.TryParseDate, (values, missing) => new DateTimeColumn(name, values, missing), type)!,
        DataType.String => BuildStrings(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    delegate bool Parser<T>(ReadOnlySpan<byte> text, out T value);

    /// <summary>Parses every non-missing value; returns null at the first failure, or throws naming it when <paramref name="required"/> is set.</summary>
    Column? BuildValues<T>(Parser<T> parser, Func<T[], bool[]?, Column> create, DataType? required) where T : unmanaged
    {
        var values = new T[_rowCount];
        bool[]? missing = null;
        for (var r = 0; r < _rowCount; r++)
        {
            var field = Field(r);
            if (IsMissing(field)) (missing ??= new bool[_rowCount])[r] = true;
            else if (!parser(field, out values[r]))
            {
                if (required is { } type) throw NotA(type, r, field);
                return null;
            }
        }
        return create(values, missing);
    }

    Column BuildFloats()
    {
        var values = new double[_rowCount];
        for (var r = 0; r < _rowCount; r++)
        {
            var field = Field(r);
            if (IsMissing(field)) values[r] = double.NaN;
            else if (!Utf8ValueParser.TryParseDouble(field, out values[r])) throw NotA(DataType.Float64, r, field);
        }
        return new Float64Column(name, values);
    }

    Column? TryBuildBools() => BuildValues<bool>(Utf8ValueParser.TryParseBool, (values, missing) => new BoolColumn(name, values, missing), null);

    Column? TryBuildDates() => BuildValues<DateTime>(Utf8ValueParser.TryParseDate, (values, missing) => new DateTimeColumn(name, values, missing), null);

    Column BuildStrings()
    {
        var codes = new int[_rowCount];
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySpan = lookup.GetAlternateLookup<ReadOnlySpan<char>>();
        var categories = new List<string>();
        var buffer = new char[256];
        for (var r = 0; r < _rowCount; r++)
        {
            var field = Field(r);
            if (IsMissing(field))
            {
                codes[r] = -1;
                continue;
            }
            if (buffer.Length < field.Length) buffer = new char[field.Length * 2];
            var text = buffer.AsSpan(0, Encoding.UTF8.GetChars(field, buffer));
            if (!bySpan.TryGetValue(text, out var code))
            {
                code = categories.Count;
                var value = new string(text);
                lookup.Add(value, code);
                categories.Add(value);
            }
            codes[r] = code;
        }
        return new StringColumn(name, codes, [.. categories]);
    }

    DataFormatException NotA(DataType type, int r, ReadOnlySpan<byte> field) =>
        parse.Error(firstDataRow + r, name, $"'{Encoding.UTF8.GetString(field)}' is not {(type == DataType.Int64 ? "an" : "a")} {type.Name()}");
}
