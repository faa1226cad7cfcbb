using System.Globalization;

namespace Kiln.Plots;

/// <summary>An sRGB colour with opacity, written by users as a hex string ("#1f77b4") or a basic CSS name ("red").</summary>
public readonly record struct ChartColor(byte Red, byte Green, byte Blue, byte Alpha = 255)
{
    static readonly Dictionary<string, string> NamedColors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = "#000000", ["white"] = "#ffffff", ["gray"] = "#808080", ["grey"] = "#808080",
        ["red"] = "#d62728", ["green"] = "#2ca02c", ["blue"] = "#1f77b4", ["orange"] = "#ff7f0e",
        ["purple"] = "#9467bd", ["brown"] = "#8c564b", ["pink"] = "#e377c2", ["olive"] = "#bcbd22",
        ["cyan"] = "#17becf", ["magenta"] = "#ff00ff", ["yellow"] = "#ffd700", ["navy"] = "#000080",
        ["teal"] = "#008080",
    };

    /// <summary>Reads "#rgb", "#rrggbb", "#rrggbbaa" (the "#" is optional) or a basic colour name.</summary>
    public static ChartColor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var color))
            return color;
        throw new FormatException(
            $"'{text}' is not a colour: use a hex colour such as #1f77b4 or #1f77b480, or one of {string.Join(", ", NamedColors.Keys)}");
    }

    public static bool TryParse(string? text, out ChartColor color)
    {
        color = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        if (NamedColors.TryGetValue(trimmed, out var named))
            trimmed = named;
        var hex = trimmed.StartsWith('#') ? trimmed[1..] : trimmed;
        if (hex.Length == 3)
            hex = string.Concat(hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]);
        if (hex.Length != 6 && hex.Length != 8)
            return false;
        if (!uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            return false;
        if (hex.Length == 6)
            value = (value << 8) | 0xFF;
        color = new ChartColor((byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    /// <summary>"#rrggbb", or "#rrggbbaa" when the colour is not opaque.</summary>
    public string ToHex() => Alpha == 255
        ? $"#{Red:x2}{Green:x2}{Blue:x2}"
        : $"#{Red:x2}{Green:x2}{Blue:x2}{Alpha:x2}";

    /// <summary>Relative luminance (0 black … 1 white), used to pick readable text on a filled cell.</summary>
    public double Luminance => (0.2126 * Red + 0.7152 * Green + 0.0722 * Blue) / 255.0;

    public override string ToString() => ToHex();

    internal ScottPlot.Color ToScottPlot() => new(Red, Green, Blue, Alpha);

    internal static ChartColor FromScottPlot(ScottPlot.Color color) => new(color.R, color.G, color.B, color.A);
}
