using System.Globalization;
using OpenCvSharp;

namespace Kiln.Vision.Tracking;

/// <summary>
/// A box of HSV values, in OpenCV's scales (hue 0–179, saturation and value 0–255). Red wraps around hue 0, so a
/// colour is a list of ranges (<see cref="ColorRanges"/>).
/// </summary>
public sealed record HsvRange(Scalar Lower, Scalar Upper)
{
    /// <summary>Parses <c>h1,s1,v1:h2,s2,v2</c>; a range whose lower hue is above its upper wraps around 0, as red does.</summary>
    public static IReadOnlyList<HsvRange> Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var ends = text.Split(':');
        if (ends.Length != 2) throw new FormatException($"HSV range '{text}': write h1,s1,v1:h2,s2,v2, e.g. 35,80,60:85,255,255");
        var (lower, upper) = (Triple(ends[0], text), Triple(ends[1], text));
        for (var i = 1; i < 3; i++)
            if (lower[i] > upper[i]) throw new FormatException($"HSV range '{text}': the lower {(i == 1 ? "saturation" : "value")} is above the upper");
        if (lower[0] <= upper[0]) return [new(new Scalar(lower[0], lower[1], lower[2]), new Scalar(upper[0], upper[1], upper[2]))];
        return
        [
            new(new Scalar(lower[0], lower[1], lower[2]), new Scalar(179, upper[1], upper[2])),
            new(new Scalar(0, lower[1], lower[2]), new Scalar(upper[0], upper[1], upper[2])),
        ];
    }

    static double[] Triple(string part, string text)
    {
        var values = part.Split(',');
        if (values.Length != 3) throw new FormatException($"HSV range '{text}': '{part}' needs three numbers h,s,v");
        var numbers = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
                throw new FormatException($"HSV range '{text}': '{values[i]}' is not a number");
            var limit = i == 0 ? 179 : 255;
            if (numbers[i] < 0 || numbers[i] > limit)
                throw new FormatException($"HSV range '{text}': {(i == 0 ? "hue" : i == 1 ? "saturation" : "value")} {numbers[i]} is outside 0–{limit}");
        }
        return numbers;
    }
}
