using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// What a <see cref="IResamplingModel"/> gives: features, target and sample weights with one entry per kept or made row,
/// and for each row the input row it comes from (-1 for a synthetic row), so other per-row data can follow.
/// </summary>
public sealed record ResampledData(Frame Features, Column? Target, double[]? SampleWeights, int[] SourceRows)
{
    /// <summary>How many rows were made up rather than copied.</summary>
    public int SyntheticCount => SourceRows.Count(row => row < 0);

    /// <summary>Per-row values carried to the resampled rows; a synthetic row takes <paramref name="forSynthetic"/>.</summary>
    public double[]? Follow(double[]? values, double forSynthetic = 1)
    {
        if (values is null) return null;
        var result = new double[SourceRows.Length];
        for (var i = 0; i < result.Length; i++) result[i] = SourceRows[i] < 0 ? forSynthetic : values[SourceRows[i]];
        return result;
    }
}
