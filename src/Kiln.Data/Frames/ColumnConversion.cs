using System.Globalization;
using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>
/// Converts a column to another type. Text is parsed once per distinct value, not once per row;
/// a value that cannot convert raises <see cref="ValueConversionException"/> naming its first row.
/// </summary>
internal static class ColumnConversion
{
    public static Column Cast(Column column, DataType target)
    {
        if (column.Type == target) return column;
        var name = column.Name;
        switch (column, target)
        {
            case (_, DataType.String):
                return ToText(column);
            case (StringColumn text, _):
                return Parse(text, target);
            case (Float64Column floats, DataType.Int64):
                var (longs, longsMissing) = FromFloats(floats, x => (long)x, RejectFractions(floats));
                return new Int64Column(name, longs, longsMissing);
            case (Float64Column floats, DataType.Bool):
                var (bools, boolsMissing) = FromFloats(floats, x => x != 0, check: null);
                return new BoolColumn(name, bools, boolsMissing);
            case (Int64Column source, DataType.Float64):
                var widened = new double[source.Length];
                TensorPrimitives.ConvertTruncating<long, double>(source.Values, widened);
                return new Float64Column(name, NaNWhereMissing(widened, source.MissingMask));
            case (Int64Column source, DataType.Bool):
                return new BoolColumn(name, Convert(source, x => x != 0), source.MissingMask.ToArray());
            case (BoolColumn source, DataType.Float64):
                var ones = new double[source.Length];
                for (var i = 0; i < ones.Length; i++) ones[i] = source.Values[i] ? 1 : 0;
                return new Float64Column(name, NaNWhereMissing(ones, source.MissingMask));
            case (BoolColumn source, DataType.Int64):
                return new Int64Column(name, Convert(source, x => x ? 1L : 0L), source.MissingMask.ToArray());
            default:
                throw new InvalidCastException($"column '{name}' is {column.Type.Name()} and cannot be converted to {target.Name()}");
        }
    }

    static double[] NaNWhereMissing(double[] values, ReadOnlySpan<bool> missing)
    {
        for (var i = 0; i < missing.Length; i++) if (missing[i]) values[i] = double.NaN;
        return values;
    }

    static TOut[] Convert<TIn, TOut>(ValueColumn<TIn> column, Func<TIn, TOut> convert) where TIn : unmanaged where TOut : unmanaged
    {
        var values = new TOut[column.Length];
        var source = column.Values;
        for (var i = 0; i < values.Length; i++) values[i] = convert(source[i]);
        return values;
    }

    /// <summary>Values converted from doubles, NaN becoming missing (pandas would refuse NaN for int; Kiln's int64 has a mask).</summary>
    static (T[] Values, bool[]? Missing) FromFloats<T>(Float64Column column, Func<double, T> convert, Action<int>? check) where T : unmanaged
    {
        var values = new T[column.Length];
        bool[]? missing = null;
        var source = column.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(source[i])) { (missing ??= new bool[values.Length])[i] = true; continue; }
            check?.Invoke(i);
            values[i] = convert(source[i]);
        }
        return (values, missing);
    }

    static Action<int> RejectFractions(Float64Column column) => row =>
    {
        var value = column[row];
        if (value != Math.Floor(value) || value < -9.2233720368547758E18 || value >= 9.2233720368547758E18)
            throw new ValueConversionException(column.Name, row, column.Format(row), DataType.Int64);
    };

    static StringColumn ToText(Column column)
    {
        var texts = new string?[column.Length];
        for (var i = 0; i < texts.Length; i++)
            texts[i] = column.IsMissing(i) ? null
                : column is Float64Column floats ? floats[i].ToString(CultureInfo.InvariantCulture)
                : column.Format(i);
        return new StringColumn(column.Name, texts);
    }

    static Column Parse(StringColumn text, DataType target)
    {
        var categories = text.Categories;
        var codes = text.Codes;
        var parsed = new object?[categories.Count];
        for (var c = 0; c < categories.Count; c++)
        {
            // an empty or blank string is a missing value, as a CSV reader would read it
            if (string.IsNullOrWhiteSpace(categories[c]) || TryParse(categories[c].Trim(), target, out parsed[c])) continue;
            // a filtered column may keep categories no row uses any more; only used ones must convert
            var firstRow = codes.IndexOf(c);
            if (firstRow >= 0) throw new ValueConversionException(text.Name, firstRow, categories[c], target);
        }
        var name = text.Name;
        switch (target)
        {
            case DataType.Float64:
                return new Float64Column(name, Gather(codes, parsed, double.NaN).Values);
            case DataType.Int64:
                var (longs, longsMissing) = Gather(codes, parsed, 0L);
                return new Int64Column(name, longs, longsMissing);
            case DataType.Bool:
                var (bools, boolsMissing) = Gather(codes, parsed, false);
                return new BoolColumn(name, bools, boolsMissing);
            default:
                var (dates, datesMissing) = Gather(codes, parsed, default(DateTime));
                return new DateTimeColumn(name, dates, datesMissing);
        }
    }

    /// <summary>Spreads the per-category parsed values over the rows; a missing code or unparsed category is missing.</summary>
    static (T[] Values, bool[]? Missing) Gather<T>(ReadOnlySpan<int> codes, object?[] parsed, T missingValue) where T : unmanaged
    {
        // unbox once per category so the row loop is two array reads
        var byCategory = new T[parsed.Length];
        var categoryMissing = new bool[parsed.Length];
        for (var c = 0; c < parsed.Length; c++)
        {
            if (parsed[c] is T value) byCategory[c] = value;
            else (byCategory[c], categoryMissing[c]) = (missingValue, true);
        }
        var values = new T[codes.Length];
        bool[]? missing = null;
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (code >= 0 && !categoryMissing[code]) values[i] = byCategory[code];
            else (values[i], (missing ??= new bool[codes.Length])[i]) = (missingValue, true);
        }
        return (values, missing);
    }

    static bool TryParse(string text, DataType target, out object? value)
    {
        var invariant = CultureInfo.InvariantCulture;
        value = null;
        switch (target)
        {
            case DataType.Float64 when double.TryParse(text, NumberStyles.Float, invariant, out var number):
                value = number;
                return true;
            case DataType.Int64 when long.TryParse(text, NumberStyles.Integer, invariant, out var integer):
                value = integer;
                return true;
            case DataType.DateTime when DateTime.TryParse(text, invariant, DateTimeStyles.RoundtripKind, out var time):
                value = time;
                return true;
            case DataType.Bool:
                value = text.ToLowerInvariant() switch
                {
                    "true" or "t" or "yes" or "y" or "1" => true,
                    "false" or "f" or "no" or "n" or "0" => false,
                    _ => null,
                };
                return value is not null;
            default:
                return false;
        }
    }
}
