using System.Text;

namespace Kiln.Data;

/// <summary>
/// Builds one column from the blocks of a CSV file, inferring its type as the values arrive (int64, widened to
/// float64 when a fraction appears, bool, datetime, or string) or checking the type given. Each block's values are
/// kept as a segment and joined at the end, so no row is parsed twice — except when a column that looked numeric,
/// boolean or datetime turns out to be text: earlier values cannot give back their text, so the reader reads that
/// column again as strings.
/// </summary>
internal sealed class CsvColumnBuilder(string name, DataType? required, bool inferDates, MissingMarkers missing)
{
    readonly List<Segment> _segments = [];
    readonly DataType? _required = required;
    DataType? _type = required;
    readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    readonly List<string> _categories = [];
    char[] _chars = new char[256];

    /// <summary>Whether inference found text after values of another type: the column must be read again with <see cref="RestartAsText"/>.</summary>
    public bool NeedsText { get; private set; }

    /// <summary>The values of one segment of rows, in the arrays of the type the column had while it was read.</summary>
    sealed class Segment(int rows)
    {
        public int Rows { get; } = rows;
        public long[]? Longs;
        public double[]? Doubles;
        public bool[]? Bools;
        public DateTime[]? Dates;
        public int[]? Codes;

        /// <summary>Rows that are missing, for longs, bools and dates (doubles hold NaN, codes -1); a segment with no value array is all missing.</summary>
        public bool[]? Missing;

        public void MarkMissing(int row) => (Missing ??= new bool[Rows])[row] = true;
    }

    /// <summary>Reads this column's values from a block whose fields are split.</summary>
    public void Add(CsvBlock block, CsvFields fields, int column)
    {
        if (NeedsText) return;
        var segment = new Segment(fields.RowCount);
        _segments.Add(segment);
        var (starts, lengths) = (fields.Starts[column], fields.Lengths[column]);
        for (var r = 0; r < segment.Rows; r++)
        {
            var field = block.Field(starts[r], lengths[r]);
            if (Store(segment, r, field)) continue;
            if (_required is { } type)
                throw block.Error(r, name, $"'{Encoding.UTF8.GetString(field)}' is not {(type == DataType.Int64 ? "an" : "a")} {type.Name()}");
            NeedsText = true;
            _segments.Clear();
            return;
        }
    }

    /// <summary>Forgets what was read so that the column is read again, every value as text.</summary>
    public void RestartAsText()
    {
        (_type, NeedsText) = (DataType.String, false);
        _segments.Clear();
    }

    /// <summary>Stores one value in the column's current type, widening the type where inference allows; false when the value does not fit.</summary>
    bool Store(Segment segment, int r, ReadOnlySpan<byte> field)
    {
        switch (_type)
        {
            case null:
                if (Utf8ValueParser.TryParseInt64(field, out var first)) Start(segment, r, DataType.Int64).Longs![r] = first;
                else if (missing.Contains(field)) return true;
                else if (Utf8ValueParser.TryParseDouble(field, out var number)) Start(segment, r, DataType.Float64).Doubles![r] = number;
                else if (Utf8ValueParser.TryParseBool(field, out var flag)) Start(segment, r, DataType.Bool).Bools![r] = flag;
                else if (inferDates && Utf8ValueParser.TryParseDate(field, out var date)) Start(segment, r, DataType.DateTime).Dates![r] = date;
                else Start(segment, r, DataType.String).Codes![r] = Code(field);
                return true;
            case DataType.Int64:
                if (Utf8ValueParser.TryParseInt64(field, out var integer)) (segment.Longs ??= Typed<long>(segment, r))[r] = integer;
                else if (missing.Contains(field)) segment.MarkMissing(r);
                else if (_required is null && Utf8ValueParser.TryParseDouble(field, out var widened)) Widen(segment, r)[r] = widened;
                else return false;
                return true;
            case DataType.Float64:
                var doubles = segment.Doubles ??= Typed<double>(segment, r);
                if (Utf8ValueParser.TryParseDouble(field, out doubles[r])) return true;
                doubles[r] = double.NaN;
                return missing.Contains(field);
            case DataType.Bool:
                if (missing.Contains(field)) segment.MarkMissing(r);
                else return Utf8ValueParser.TryParseBool(field, out (segment.Bools ??= Typed<bool>(segment, r))[r]);
                return true;
            case DataType.DateTime:
                if (missing.Contains(field)) segment.MarkMissing(r);
                else return Utf8ValueParser.TryParseDate(field, out (segment.Dates ??= Typed<DateTime>(segment, r))[r]);
                return true;
            default:
                (segment.Codes ??= Typed<int>(segment, r))[r] = missing.Contains(field) ? -1 : Code(field);
                return true;
        }
    }

    /// <summary>The column's first value sets its type; the rows of the segment before it were all missing.</summary>
    Segment Start(Segment segment, int r, DataType type)
    {
        _type = type;
        switch (type)
        {
            case DataType.Int64: segment.Longs = Typed<long>(segment, r); break;
            case DataType.Float64: segment.Doubles = Typed<double>(segment, r); break;
            case DataType.Bool: segment.Bools = Typed<bool>(segment, r); break;
            case DataType.DateTime: segment.Dates = Typed<DateTime>(segment, r); break;
            default: segment.Codes = Typed<int>(segment, r); break;
        }
        return segment;
    }

    /// <summary>A segment's value array for the column's type, with its first <paramref name="r"/> rows missing (read before the type was known).</summary>
    static T[] Typed<T>(Segment segment, int r)
    {
        var values = new T[segment.Rows];
        if (r == 0) return values;
        if (values is double[] doubles) doubles.AsSpan(0, r).Fill(double.NaN);
        else if (values is int[] codes) codes.AsSpan(0, r).Fill(-1);
        else (segment.Missing ??= new bool[segment.Rows]).AsSpan(0, r).Fill(true);
        return values;
    }

    /// <summary>An int64 column meets a fraction: it becomes float64, this segment's integers now; earlier segments' when joined.</summary>
    double[] Widen(Segment segment, int r)
    {
        _type = DataType.Float64;
        var doubles = new double[segment.Rows];
        for (var i = 0; i < r; i++) doubles[i] = segment.Missing?[i] == true || segment.Longs is null ? double.NaN : segment.Longs[i];
        (segment.Doubles, segment.Longs, segment.Missing) = (doubles, null, null);
        return doubles;
    }

    int Code(ReadOnlySpan<byte> field)
    {
        if (_chars.Length < field.Length) _chars = new char[field.Length * 2];
        var text = _chars.AsSpan(0, Encoding.UTF8.GetChars(field, _chars));
        var bySpan = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (bySpan.TryGetValue(text, out var code)) return code;
        var value = new string(text);
        _codes.Add(value, _categories.Count);
        _categories.Add(value);
        return _categories.Count - 1;
    }

    /// <summary>The column: its segments joined into one array of its final type.</summary>
    public Column Finish()
    {
        var rows = 0;
        foreach (var segment in _segments) rows += segment.Rows;
        Column column = _type switch
        {
            null when rows == 0 => new Int64Column(name, [], null),
            null or DataType.Float64 => new Float64Column(name, JoinDoubles(rows)),
            DataType.Int64 => new Int64Column(name, Join(rows, s => s.Longs), JoinMissing(rows, s => s.Longs is not null)),
            DataType.Bool => new BoolColumn(name, Join(rows, s => s.Bools), JoinMissing(rows, s => s.Bools is not null)),
            DataType.DateTime => new DateTimeColumn(name, Join(rows, s => s.Dates), JoinMissing(rows, s => s.Dates is not null)),
            _ => new StringColumn(name, JoinCodes(rows), [.. _categories]),
        };
        _segments.Clear();
        return column;
    }

    T[] Join<T>(int rows, Func<Segment, T[]?> values)
    {
        var joined = new T[rows];
        var offset = 0;
        foreach (var segment in _segments)
        {
            values(segment)?.AsSpan(0, segment.Rows).CopyTo(joined.AsSpan(offset));
            offset += segment.Rows;
        }
        return joined;
    }

    bool[]? JoinMissing(int rows, Func<Segment, bool> hasValues)
    {
        bool[]? joined = null;
        var offset = 0;
        foreach (var segment in _segments)
        {
            if (!hasValues(segment)) (joined ??= new bool[rows]).AsSpan(offset, segment.Rows).Fill(true);
            else segment.Missing?.CopyTo((joined ??= new bool[rows]).AsSpan(offset));
            offset += segment.Rows;
        }
        return joined;
    }

    double[] JoinDoubles(int rows)
    {
        var joined = new double[rows];
        var offset = 0;
        foreach (var segment in _segments)
        {
            var target = joined.AsSpan(offset, segment.Rows);
            if (segment.Doubles is { } doubles) doubles.CopyTo(target);
            else if (segment.Longs is { } longs)
                for (var i = 0; i < longs.Length; i++) target[i] = segment.Missing?[i] == true ? double.NaN : longs[i];
            else target.Fill(double.NaN);
            offset += segment.Rows;
        }
        return joined;
    }

    int[] JoinCodes(int rows)
    {
        var joined = new int[rows];
        var offset = 0;
        foreach (var segment in _segments)
        {
            if (segment.Codes is { } codes) codes.CopyTo(joined.AsSpan(offset));
            else joined.AsSpan(offset, segment.Rows).Fill(-1);
            offset += segment.Rows;
        }
        return joined;
    }
}
