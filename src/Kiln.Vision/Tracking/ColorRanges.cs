using OpenCvSharp;

namespace Kiln.Vision.Tracking;

/// <summary>The HSV ranges of the colours the tracker knows by name, for saturated objects under ordinary light.</summary>
public static class ColorRanges
{
    static readonly Dictionary<string, IReadOnlyList<HsvRange>> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["red"] = [Range(0, 10), Range(170, 179)],
        ["orange"] = [Range(11, 22)],
        ["yellow"] = [Range(23, 34)],
        ["green"] = [Range(35, 85)],
        ["cyan"] = [Range(86, 99)],
        ["blue"] = [Range(100, 130)],
        ["purple"] = [Range(131, 150)],
        ["pink"] = [Range(151, 169)],
    };

    public static IReadOnlyCollection<string> Names => Named.Keys;

    /// <summary>The ranges of a colour name; an unknown name is refused with the known ones.</summary>
    public static IReadOnlyList<HsvRange> Of(string name) =>
        Named.TryGetValue(name, out var ranges)
            ? ranges
            : throw new ArgumentException($"unknown colour '{name}': use one of {string.Join(", ", Named.Keys)} or give --hsv 'h1,s1,v1:h2,s2,v2'", nameof(name));

    static HsvRange Range(int lowHue, int highHue) => new(new Scalar(lowHue, 80, 60), new Scalar(highHue, 255, 255));
}
