namespace Kiln.Neural.Experiments;

/// <summary>How the values of a <see cref="Variation"/> combine into variants.</summary>
public enum ExperimentMode
{
    /// <summary>The base, then one variant per value of each key with every other setting as in the base.</summary>
    OneAtATime,

    /// <summary>Every combination of the keys' values.</summary>
    Grid,
}
