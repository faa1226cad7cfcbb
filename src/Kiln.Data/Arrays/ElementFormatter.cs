using System.Globalization;

namespace Kiln.Data;

/// <summary>
/// Turns the printed elements of a tensor into equally wide strings as NumPy does: floats share one decimal-point
/// column (or one scientific layout when magnitudes are extreme or span more than 1000×), integers align right,
/// True is padded to the width of False.
/// </summary>
internal static class ElementFormatter
{
    /// <summary>The elements at the <paramref name="shown"/> row-major positions, formatted in that order.</summary>
    public static string[] FormatAll<T>(ReadOnlySpan<T> values, IReadOnlyList<int> shown, int precision)
    {
        var texts = new string[shown.Count];
        if (typeof(T) == typeof(bool))
        {
            for (var k = 0; k < shown.Count; k++)
                texts[k] = (bool)(object)values[shown[k]]! ? " True" : "False";
            return texts;
        }
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
        {
            var floats = new IFormattable[shown.Count];
            for (var k = 0; k < shown.Count; k++)
                floats[k] = (IFormattable)values[shown[k]]!;
            return FormatFloats(floats, precision);
        }
        var width = 0;
        for (var k = 0; k < texts.Length; k++)
        {
            var value = values[shown[k]];
            texts[k] = value is IFormattable formattable
                ? formattable.ToString(null, CultureInfo.InvariantCulture)
                : value?.ToString() ?? "None";
            width = Math.Max(width, texts[k].Length);
        }
        for (var k = 0; k < texts.Length; k++)
            texts[k] = texts[k].PadLeft(width);
        return texts;
    }

    static string[] FormatFloats(IFormattable[] elements, int precision)
    {
        var numbers = new double[elements.Length];
        var smallest = double.PositiveInfinity;
        var largest = 0.0;
        var negativeInfinity = false;
        var anyFinite = false;
        var anyNonFinite = false;
        for (var k = 0; k < elements.Length; k++)
        {
            numbers[k] = elements[k] switch { double d => d, float f => f, Half h => (double)h, _ => double.NaN };
            var magnitude = Math.Abs(numbers[k]);
            negativeInfinity |= double.IsNegativeInfinity(numbers[k]);
            if (!double.IsFinite(magnitude))
            {
                anyNonFinite = true;
                continue;
            }
            anyFinite = true;
            if (magnitude == 0)
                continue;
            smallest = Math.Min(smallest, magnitude);
            largest = Math.Max(largest, magnitude);
        }
        var scientific = largest >= 1e8 || (largest > 0 && (smallest < 1e-4 || largest / smallest > 1000));

        var integerParts = new string[elements.Length];
        var fractionParts = new string[elements.Length];
        var exponents = new int[elements.Length];
        int padLeft = 0, fractionDigits = 0, exponentDigits = 2;
        for (var k = 0; k < elements.Length; k++)
        {
            if (!double.IsFinite(numbers[k]))
                continue;
            var text = scientific ? Scientific(elements[k], precision, out exponents[k]) : Positional(elements[k], precision);
            var point = text.IndexOf('.');
            integerParts[k] = text[..point];
            fractionParts[k] = text[(point + 1)..];
            padLeft = Math.Max(padLeft, integerParts[k].Length);
            fractionDigits = Math.Max(fractionDigits, fractionParts[k].Length);
            exponentDigits = Math.Max(exponentDigits, Math.Abs(exponents[k]).ToString(CultureInfo.InvariantCulture).Length);
        }
        var padRight = !anyFinite ? 0 : scientific ? exponentDigits + 2 + fractionDigits : fractionDigits;
        // nan and inf are right-aligned in the same width, which may need to grow for them.
        if (anyNonFinite)
            padLeft = Math.Max(padLeft, 3 + (negativeInfinity ? 1 : 0) - (padRight + 1));

        var texts = new string[elements.Length];
        for (var k = 0; k < elements.Length; k++)
        {
            var number = numbers[k];
            if (!double.IsFinite(number))
                texts[k] = (double.IsNaN(number) ? "nan" : number < 0 ? "-inf" : "inf").PadLeft(padLeft + padRight + 1);
            else if (!scientific)
                texts[k] = integerParts[k].PadLeft(padLeft) + "." + fractionParts[k].PadRight(padRight);
            else
                texts[k] = integerParts[k].PadLeft(padLeft) + "." + fractionParts[k].PadRight(fractionDigits, '0')
                    + "e" + (exponents[k] < 0 ? "-" : "+")
                    + Math.Abs(exponents[k]).ToString(CultureInfo.InvariantCulture).PadLeft(exponentDigits, '0');
        }
        return texts;
    }

    /// <summary>The shortest digits that read back as the value, cut to <paramref name="precision"/> decimals; always with a point.</summary>
    static string Positional(IFormattable value, int precision)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var point = text.IndexOf('.');
        if (text.Contains('E') || (point >= 0 && text.Length - point - 1 > precision))
            text = value.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0');
        return text.Contains('.') ? text : text + ".";
    }

    /// <summary>The shortest round-tripping mantissa (at most <paramref name="precision"/> decimals) and its power of ten.</summary>
    static string Scientific(IFormattable value, int precision, out int exponent)
    {
        var mantissa = value.ToString("R", CultureInfo.InvariantCulture).Split('E')[0];
        var significant = mantissa.Replace("-", "").Replace(".", "").TrimStart('0').TrimEnd('0').Length;
        var decimals = Math.Clamp(significant - 1, 0, precision);
        var text = value.ToString("E" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        var digits = text[..e];
        return digits.Contains('.') ? digits.TrimEnd('0') : digits + ".";
    }
}
