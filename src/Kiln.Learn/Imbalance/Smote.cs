using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// SMOTE (Chawla et al., 2002; imbalanced-learn's SMOTE): raises the smaller classes with synthetic rows, each on
/// the segment between a row and one of its <see cref="KNeighbors"/> nearest rows of the same class. Numeric
/// features only; the result's columns are float64, the input rows first, then the synthetic rows class by class.
/// Apply to training data or training folds only. The neighbour search honours <see cref="FitContext.Cancellation"/>.
/// </summary>
[Estimator("smote", EstimatorRole.Transformer, "Balance classes with synthetic rows between same-class neighbours (SMOTE)",
    Capabilities = [Capability.ChangesRows, Capability.RequiresTarget, Capability.Randomized])]
public sealed record Smote : Sampler
{
    [Parameter("Nearest same-class rows to interpolate towards", Min = 1, Max = 1000)]
    public int KNeighbors { get; init; } = 5;

    private protected override bool NumericOnly => true;

    private protected override ResampledData ResampleCore(Frame features, Column target, ClassLabels labels, FitContext context)
    {
        var rows = NumericRows.Of(features, "smote");
        var add = SamplingTargets.RowsToAdd(labels.Counts, SamplingRatio);
        var random = new RandomArrays(Seed);
        var rowsByClass = labels.RowsByClass();
        var synthetic = new SyntheticRows(rows);
        for (var c = 0; c < labels.Count; c++)
        {
            if (add[c] == 0) continue;
            SmoteChecks.EnoughRows(labels, c, target.Name, KNeighbors, "smote");
            var classRows = rowsByClass[c];
            var neighbours = NearestNeighbours.Find(rows, classRows, classRows, KNeighbors, context, $"smote: neighbours of class '{labels.Name(c)}'");
            synthetic.Interpolate(classRows, neighbours, KNeighbors, add[c], random, context.Cancellation);
        }
        return synthetic.Build(features, target);
    }
}
