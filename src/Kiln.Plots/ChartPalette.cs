namespace Kiln.Plots;

/// <summary>The colours series take in turn when they are not given one, like matplotlib's colour cycle.</summary>
public sealed class ChartPalette
{
    public ChartPalette(IEnumerable<ChartColor> colors)
    {
        ArgumentNullException.ThrowIfNull(colors);
        Colors = colors.ToArray();
        if (Colors.Count == 0)
            throw new ArgumentException("a palette needs at least one colour", nameof(colors));
    }

    public IReadOnlyList<ChartColor> Colors { get; }

    /// <summary>The colour for the n-th series; the palette repeats when there are more series than colours.</summary>
    public ChartColor this[int index] => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];

    public static ChartPalette FromHex(params string[] colors) => new(colors.Select(ChartColor.Parse));

    /// <summary>matplotlib's and d3's default ten colours ("tab10").</summary>
    public static ChartPalette Category10 { get; } = FromHex(
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    /// <summary>Okabe and Ito's eight colours, distinguishable with the common forms of colour blindness.</summary>
    public static ChartPalette ColorblindFriendly { get; } = FromHex(
        "#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#f0e442", "#000000");
}
