using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>
/// Parses single values as they appear in hand-made spreadsheets: numbers with thousands separators, currency
/// amounts, percentages, yes/no booleans and dates in ISO or day/month order. All parsing is culture-invariant:
/// ',' is only ever a thousands separator (in groups of three) and '.' the decimal point.
/// </summary>
public static class MessyValueParser
{
    static readonly string[] CurrencySymbols = ["US$", "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "CHF", "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CNY", "INR", "SEK", "NOK", "DKK", "NZD"];

    // the layouts the readers take as dates, plus minutes after a T, which the readers leave as text
    static readonly string[] IsoFormats = [.. IsoDateFormats.All, "yyyy-MM-ddTHH:mm"];

    static readonly string[] DayFirstFormats = SeparatedFormats("d", "M");
    static readonly string[] MonthFirstFormats = SeparatedFormats("M", "d");

    static string[] SeparatedFormats(string first, string second)
    {
        var formats = new List<string>(IsoFormats);
        foreach (var separator in new[] { "/", "-", "." })
            foreach (var time in new[] { "", " H:mm", " H:mm:ss" })
                formats.Add($"{first}{separator}{second}{separator}yyyy{time}");
        return [.. formats];
    }

    /// <summary>A plain or thousands-grouped number: "1234", "-1,234.5", "1e3", "(12)" for −12.</summary>
    public static bool TryParseNumber(string text, out double value)
    {
        value = 0;
        var span = text.AsSpan().Trim();
        var negative = false;
        if (span.Length > 2 && span[0] == '(' && span[^1] == ')')
        {
            negative = true;
            span = span[1..^1].Trim();
        }
        if (span.IsEmpty || !IsNumberShape(span)) return false;
        Span<char> digits = stackalloc char[span.Length];
        var length = 0;
        foreach (var c in span) if (c != ',') digits[length++] = c;
        if (!double.TryParse(digits[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value)) return false;
        if (negative) value = -value;
        return true;
    }

    /// <summary>Digits with commas only between groups of three in the whole part, an optional fraction and exponent.</summary>
    static bool IsNumberShape(ReadOnlySpan<char> span)
    {
        var i = 0;
        if (span[0] is '+' or '-') i++;
        var wholeStart = i;
        var groupLength = 0;
        var sawComma = false;
        for (; i < span.Length && (char.IsAsciiDigit(span[i]) || span[i] == ','); i++)
        {
            if (span[i] == ',')
            {
                if (i == wholeStart || (sawComma ? groupLength != 3 : groupLength > 3)) return false;
                sawComma = true;
                groupLength = 0;
            }
            else groupLength++;
        }
        if (sawComma && groupLength != 3) return false;
        var wholeDigits = i - wholeStart;
        var fractionDigits = 0;
        if (i < span.Length && span[i] == '.')
            for (i++; i < span.Length && char.IsAsciiDigit(span[i]); i++) fractionDigits++;
        if (wholeDigits + fractionDigits == 0) return false;
        if (i < span.Length && span[i] is 'e' or 'E')
        {
            i++;
            if (i < span.Length && span[i] is '+' or '-') i++;
            var exponentStart = i;
            while (i < span.Length && char.IsAsciiDigit(span[i])) i++;
            if (i == exponentStart) return false;
        }
        return i == span.Length;
    }

    /// <summary>An amount with a currency symbol or code before or after it: "$5", "-$1,200.50", "€3.50", "5 USD".</summary>
    public static bool TryParseCurrency(string text, out double value)
    {
        value = 0;
        var rest = text.Trim();
        var negative = false;
        if (rest.StartsWith('-'))
        {
            negative = true;
            rest = rest[1..].TrimStart();
        }
        var marked = false;
        foreach (var symbol in CurrencySymbols)
        {
            if (rest.StartsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[symbol.Length..].Trim();
                marked = true;
                break;
            }
            if (rest.EndsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[..^symbol.Length].Trim();
                marked = true;
                break;
            }
        }
        if (!marked || !TryParseNumber(rest, out value)) return false;
        if (negative)
        {
            if (value < 0 || rest.StartsWith('-')) return false;
            value = -value;
        }
        return true;
    }

    /// <summary>A percentage as its fraction: "12%" → 0.12, "-3.5 %" → −0.035.</summary>
    public static bool TryParsePercent(string text, out double value)
    {
        value = 0;
        var rest = text.AsSpan().Trim();
        if (rest.IsEmpty || rest[^1] != '%' || !TryParseNumber(rest[..^1].ToString(), out var percent)) return false;
        value = percent / 100;
        return true;
    }

    /// <summary>yes/no, y/n, true/false, t/f, 1/0, in any case.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "t" or "yes" or "y" or "1": value = true; return true;
            case "false" or "f" or "no" or "n" or "0": value = false; return true;
            default: value = false; return false;
        }
    }

    /// <summary>A date (and time) in ISO form, or in the slash/dash/dot layout <paramref name="order"/> allows; times are taken as UTC.</summary>
    public static bool TryParseDate(string text, DateOrder order, out DateTime value)
    {
        var formats = order switch
        {
            DateOrder.DayFirst => DayFirstFormats,
            DateOrder.MonthFirst => MonthFirstFormats,
            _ => IsoFormats,
        };
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>
    /// What a value says about day/month order: a first number above 12 means day first, a second above 12 month first;
    /// null when it is not a d/m/yyyy-shaped date or both numbers are 12 or less.
    /// </summary>
    internal static DateOrder? OrderEvidence(string text)
    {
        var span = text.AsSpan().Trim();
        var space = span.IndexOfAny(' ', 'T');
        if (space > 0) span = span[..space];
        var first = span.IndexOfAny('/', '-', '.');
        if (first is < 1 or > 2) return null;
        var separator = span[first];
        var second = span[(first + 1)..].IndexOf(separator);
        if (second is < 1 or > 2) return null;
        second += first + 1;
        if (span.Length - second - 1 != 4) return null;
        if (!int.TryParse(span[..first], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            || !int.TryParse(span[(first + 1)..second], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            return null;
        if (a > 12 && b <= 12) return DateOrder.DayFirst;
        if (b > 12 && a <= 12) return DateOrder.MonthFirst;
        return null;
    }
}
