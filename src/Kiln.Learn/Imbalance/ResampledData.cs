using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// Training data after a sampler: the features, the target, and for each row the input row it copies, or -1 for
/// a synthetic row (so that per-row data such as sample weights can follow the rows).
/// </summary>
public sealed record ResampledData(Frame Features, Column Target, int[] SourceRows)
{
    /// <summary>How many rows were made up rather than copied.</summary>
    public int SyntheticCount => SourceRows.Count(row => row < 0);
}
