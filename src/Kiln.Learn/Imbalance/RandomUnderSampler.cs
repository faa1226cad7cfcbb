using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// Balances classes by keeping a random subset, without replacement, of the rows of the larger classes
/// (imbalanced-learn's RandomUnderSampler). Kept rows stay in their input order; every column keeps its type.
/// Apply to training data or training folds only.
/// </summary>
[Estimator("random-under-sampler", EstimatorRole.Transformer, "Balance classes by dropping random rows of the larger classes",
    Capabilities = [Capability.ChangesRows, Capability.RequiresTarget, Capability.Randomized, Capability.AllowsMissing, Capability.TextInput])]
public sealed record RandomUnderSampler : Sampler
{
    private protected override ResampledData ResampleCore(Frame features, Column target, ClassLabels labels, FitContext context)
    {
        var keep = SamplingTargets.RowsToKeep(labels.Counts, SamplingRatio);
        var random = new RandomArrays(Seed);
        var rowsByClass = labels.RowsByClass();
        var kept = new bool[features.RowCount];
        for (var c = 0; c < labels.Count; c++)
        {
            var rows = rowsByClass[c];
            if (keep[c] < rows.Length) random.Shuffle<int>(rows);
            for (var i = 0; i < keep[c]; i++) kept[rows[i]] = true;
        }
        var selected = new List<int>(keep.Sum());
        for (var i = 0; i < kept.Length; i++) if (kept[i]) selected.Add(i);
        int[] rowsKept = [.. selected];
        return new ResampledData(features.Take(rowsKept), target.Take(rowsKept), null, rowsKept);
    }
}
