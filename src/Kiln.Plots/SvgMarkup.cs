using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.Plots;

/// <summary>Small rewrites of the SVG Skia writes: a viewBox so it scales, font fallbacks, and unique ids for inlining.</summary>
static partial class SvgMarkup
{
    public static string Finish(string xml, int width, int height)
    {
        var svgStart = xml.IndexOf("<svg", StringComparison.Ordinal);
        if (svgStart < 0)
            throw new InvalidOperationException("the SVG writer produced no <svg> element");
        var viewBox = string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\"");
        xml = string.Concat(xml.AsSpan(0, svgStart), viewBox, xml.AsSpan(svgStart + "<svg".Length));
        return xml.Replace($"font-family=\"{ChartFont.Family}\"", $"font-family=\"{ChartFont.SvgFamilyList}\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// The bare &lt;svg&gt; element ready to sit inside an HTML page: no XML declaration, and every id prefixed
    /// so two charts on one page do not borrow each other's clip paths.
    /// </summary>
    public static string ForInlineUse(string svg, string idPrefix)
    {
        var svgStart = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (svgStart < 0)
            throw new ArgumentException("the text holds no <svg> element", nameof(svg));
        var element = svg[svgStart..].TrimEnd();
        element = IdAttribute().Replace(element, match => $"id=\"{idPrefix}{match.Groups[1].Value}\"");
        element = LocalUrl().Replace(element, match => $"url(#{idPrefix}{match.Groups[1].Value})");
        return LocalHref().Replace(element, match => $"{match.Groups[1].Value}=\"#{idPrefix}{match.Groups[2].Value}\"");
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex LocalUrl();

    [GeneratedRegex("(href|xlink:href)=\"#([^\"]+)\"")]
    private static partial Regex LocalHref();
}
