using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// Balances classes by repeating rows of the smaller classes, drawn with replacement (imbalanced-learn's
/// RandomOverSampler). The input rows come first, then the copies class by class; every column keeps its type.
/// Apply to training data or training folds only.
/// </summary>
[Estimator("random-over-sampler", EstimatorRole.Transformer, "Balance classes by repeating random rows of the smaller classes",
    Capabilities = [Capability.ChangesRows, Capability.RequiresTarget, Capability.Randomized, Capability.AllowsMissing, Capability.TextInput])]
public sealed record RandomOverSampler : Sampler
{
    private protected override ResampledData ResampleCore(Frame features, Column target, ClassLabels labels, FitContext context)
    {
        var add = SamplingTargets.RowsToAdd(labels.Counts, SamplingRatio);
        var random = new RandomArrays(Seed);
        var rowsByClass = labels.RowsByClass();
        var extra = new List<int>(add.Sum());
        for (var c = 0; c < labels.Count; c++)
            foreach (var draw in Draws.Integers(random, labels.Counts[c], add[c]))
                extra.Add(rowsByClass[c][draw]);
        return Copies(features, target, extra);
    }
}
