using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Kiln.Data;

/// <summary>
/// Parses numbers, booleans and dates straight from UTF-8 bytes, so readers never build a string per value.
/// Decimal numbers with up to 15 significant digits and small exponents take an exact fast path
/// (Clinger's: both the digits and the power of ten are exact doubles); all others go to the runtime's parser.
/// </summary>
internal static class Utf8ValueParser
{
    static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18) return Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;
        var i = 0;
        var negative = false;
        if (text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == '-';
            i = 1;
            if (text.Length == 1) return false;
        }
        long result = 0;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9) return false;
            result = result * 10 + digit;
        }
        value = negative ? -result : result;
        return true;
    }

    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        if (TryParseSimpleDecimal(text, out value)) return true;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool TryParseSimpleDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is (byte)'-' or (byte)'+')
        {
            negative = text[0] == '-';
            i = 1;
        }
        ulong mantissa = 0;
        var digits = 0;
        var exponent = 0;
        var anyDigit = false;
        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9) break;
            anyDigit = true;
            if (mantissa == 0 && digit == 0) continue;
            mantissa = mantissa * 10 + digit;
            digits++;
        }
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length; i++)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9) break;
                anyDigit = true;
                exponent--;
                if (mantissa == 0 && digit == 0) continue;
                mantissa = mantissa * 10 + digit;
                digits++;
            }
        }
        if (!anyDigit || digits > 15) return false;
        if (i < text.Length && text[i] is (byte)'e' or (byte)'E')
        {
            i++;
            var negativeExponent = false;
            if (i < text.Length && text[i] is (byte)'-' or (byte)'+')
            {
                negativeExponent = text[i] == '-';
                i++;
            }
            var explicitExponent = 0;
            var exponentDigits = 0;
            for (; i < text.Length && exponentDigits < 4; i++, exponentDigits++)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9) break;
                explicitExponent = explicitExponent * 10 + (int)digit;
            }
            if (exponentDigits == 0) return false;
            exponent += negativeExponent ? -explicitExponent : explicitExponent;
        }
        if (i != text.Length) return false;
        if (exponent < -22 || exponent > 22) return false;
        var result = exponent < 0 ? mantissa / PowersOfTen[-exponent] : mantissa * PowersOfTen[exponent];
        value = negative ? -result : result;
        return true;
    }

    public static bool TryParseBool(ReadOnlySpan<byte> text, out bool value)
    {
        if (Ascii.EqualsIgnoreCase(text, "true"u8)) { value = true; return true; }
        if (Ascii.EqualsIgnoreCase(text, "false"u8)) { value = false; return true; }
        value = false;
        return false;
    }

    static readonly string[] DateFormats = [.. IsoDateFormats.All];

    /// <summary>ISO-8601 dates and times (and yyyy/MM/dd); other formats stay text rather than guess day/month order.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length is < 10 or > 40 || text[4] != text[7] || text[4] is not ((byte)'-' or (byte)'/')) return false;
        Span<char> chars = stackalloc char[text.Length];
        if (Encoding.UTF8.GetChars(text, chars) != text.Length) return false;
        return DateTime.TryParseExact(chars, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
    }
}
