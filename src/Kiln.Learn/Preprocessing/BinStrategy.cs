namespace Kiln.Learn.Preprocessing;

/// <summary>How <see cref="KBinsDiscretizer"/> places its bin edges.</summary>
public enum BinStrategy
{
    /// <summary>Equal widths between the fitted minimum and maximum.</summary>
    Uniform,

    /// <summary>Equal numbers of rows per bin: edges at evenly spaced percentiles.</summary>
    Quantile,
}
