namespace Kiln.Plots;

/// <summary>The font family every chart writes with: the first common sans-serif family installed, so text never falls back to a missing face.</summary>
static class ChartFont
{
    static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans"];

    public static string Family { get; } = Resolve();

    /// <summary>The family name written into SVG, with fallbacks for viewers that lack the rendering font.</summary>
    public static string SvgFamilyList => $"{Family}, Verdana, Arial, Helvetica, sans-serif";

    public static SkiaSharp.SKTypeface Typeface(bool bold) => ScottPlot.Fonts.GetTypeface(Family, bold, italic: false);

    static string Resolve()
    {
        foreach (var family in Preferred)
        {
            var typeface = ScottPlot.Fonts.GetTypeface(family, bold: false, italic: false);
            if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
                return family;
        }
        return ScottPlot.Fonts.Default;
    }
}
