namespace Kiln.Plots;

/// <summary>How a heatmap turns numbers into colours.</summary>
public enum Colormap
{
    /// <summary>Perceptually uniform dark purple to yellow; the default for magnitudes.</summary>
    Viridis,
    Magma,
    Plasma,
    Inferno,
    Grayscale,
    /// <summary>Diverging dark blue, white at the middle, dark red; made for signed values such as correlations.</summary>
    BlueWhiteRed,
}
