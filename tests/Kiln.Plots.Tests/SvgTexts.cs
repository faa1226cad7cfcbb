using System.Net;
using System.Text.RegularExpressions;

namespace Kiln.Plots.Tests;

/// <summary>The words an SVG shows: the contents of its text elements, so numbers inside path data never count as text.</summary>
static partial class SvgTexts
{
    public static IReadOnlyList<string> Of(string svg) =>
        TextElement().Matches(svg).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value.Trim())).ToList();

    [GeneratedRegex("<text[^>]*>([^<]*)</text>")]
    private static partial Regex TextElement();
}
