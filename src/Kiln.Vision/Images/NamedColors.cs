using System.Globalization;
using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Colours given by name (red, green, …) or as #rrggbb, turned into OpenCV's BGR scalars.</summary>
public static class NamedColors
{
    static readonly Dictionary<string, Scalar> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["red"] = new(0, 0, 255), ["green"] = new(0, 200, 0), ["blue"] = new(255, 0, 0), ["yellow"] = new(0, 255, 255),
        ["orange"] = new(0, 165, 255), ["purple"] = new(128, 0, 128), ["cyan"] = new(255, 255, 0), ["magenta"] = new(255, 0, 255),
        ["white"] = new(255, 255, 255), ["black"] = new(0, 0, 0), ["gray"] = new(128, 128, 128),
    };

    public static IReadOnlyCollection<string> All => Names.Keys;

    /// <summary>The BGR colour of a name or of #rrggbb; an unknown name is refused with the list of known ones.</summary>
    public static Scalar Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (Names.TryGetValue(text, out var named)) return named;
        if (text.Length == 7 && text[0] == '#' && int.TryParse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return new Scalar(rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
        throw new ArgumentException($"unknown colour '{text}': use #rrggbb or one of {string.Join(", ", Names.Keys)}", nameof(text));
    }
}
