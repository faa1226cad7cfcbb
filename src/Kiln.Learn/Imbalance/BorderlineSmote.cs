using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// Borderline-SMOTE, kind 1 (Han et al., 2005; imbalanced-learn's BorderlineSMOTE): as <see cref="Smote"/>, but
/// only rows "in danger" seed synthetic rows — those with at least half, but not all, of their
/// <see cref="MNeighbors"/> nearest rows (of any class) in other classes. A class with no row in danger gets no
/// synthetic rows. Numeric features only; float64 output. Apply to training data or training folds only.
/// </summary>
[Estimator("borderline-smote", EstimatorRole.Transformer, "SMOTE seeded only by rows near the class border (Borderline-SMOTE kind 1)",
    Capabilities = [Capability.ChangesRows, Capability.RequiresTarget, Capability.Randomized])]
public sealed record BorderlineSmote : Sampler
{
    [Parameter("Nearest same-class rows to interpolate towards", Min = 1, Max = 1000)]
    public int KNeighbors { get; init; } = 5;

    [Parameter("Nearest rows of any class that decide whether a row is in danger", Min = 1, Max = 1000)]
    public int MNeighbors { get; init; } = 10;

    private protected override bool NumericOnly => true;

    private protected override ResampledData ResampleCore(Frame features, Column target, ClassLabels labels, FitContext context)
    {
        var rows = NumericRows.Of(features, "borderline-smote");
        if (rows.RowCount <= MNeighbors)
            throw new ArgumentException(
                $"borderline-smote: {rows.RowCount} rows are too few for m-neighbors = {MNeighbors}; it needs at least {MNeighbors + 1}", nameof(features));
        var add = SamplingTargets.RowsToAdd(labels.Counts, SamplingRatio);
        var random = new RandomArrays(Seed);
        var rowsByClass = labels.RowsByClass();
        var allRows = SplitChecks.Range(rows.RowCount);
        var synthetic = new SyntheticRows(rows);
        for (var c = 0; c < labels.Count; c++)
        {
            if (add[c] == 0) continue;
            SmoteChecks.EnoughRows(labels, c, target.Name, KNeighbors, "borderline-smote");
            var classRows = rowsByClass[c];
            var danger = InDanger(rows, labels, c, classRows, allRows, context);
            if (danger.Length == 0) continue;
            var neighbours = NearestNeighbours.Find(rows, danger, classRows, KNeighbors, context, $"borderline-smote: neighbours of class '{labels.Name(c)}'");
            synthetic.Interpolate(danger, neighbours, KNeighbors, add[c], random, context.Cancellation);
        }
        return synthetic.Build(features, target);
    }

    /// <summary>Rows of the class with m/2 ≤ (neighbours of other classes) &lt; m: near the border but not noise.</summary>
    int[] InDanger(NumericRows rows, ClassLabels labels, int code, int[] classRows, int[] allRows, FitContext context)
    {
        var neighbours = NearestNeighbours.Find(rows, classRows, allRows, MNeighbors, context, $"borderline-smote: borders of class '{labels.Name(code)}'");
        var danger = new List<int>();
        for (var q = 0; q < classRows.Length; q++)
        {
            var others = 0;
            for (var j = 0; j < MNeighbors; j++)
                if (labels.CodeOfRow[neighbours[q * MNeighbors + j]] != code) others++;
            if (others >= MNeighbors / 2.0 && others < MNeighbors) danger.Add(classRows[q]);
        }
        return [.. danger];
    }
}
