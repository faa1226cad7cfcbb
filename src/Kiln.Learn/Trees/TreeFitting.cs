using Kiln.Data;
using Kiln.Learn.Linear;

namespace Kiln.Learn.Trees;

/// <summary>The steps every tree model's fit shares: row weights, the rows that enter the trees, and the targets.</summary>
internal static class TreeFitting
{
    /// <summary>Each row's sample weight times its class weight (balanced: rows / (classes · rows of the class), as scikit-learn).</summary>
    public static double[] RowWeights(FitContext context, int rowCount, ClassLabels? labels, ClassWeighting classWeight)
    {
        var weights = context.SampleWeights is { } given ? (double[])given.Clone() : Filled(rowCount, 1.0);
        if (labels is null || classWeight != ClassWeighting.Balanced) return weights;
        var perClass = new double[labels.Count];
        for (var c = 0; c < perClass.Length; c++) perClass[c] = labels.RowCount / ((double)labels.Count * labels.Counts[c]);
        for (var i = 0; i < weights.Length; i++) weights[i] *= perClass[labels.CodeOfRow[i]];
        return weights;
    }

    /// <summary>The rows of positive weight, in order: rows of weight zero never reach a tree, as in scikit-learn.</summary>
    public static int[] PositiveRows(double[] weights, string estimator)
    {
        var count = 0;
        foreach (var w in weights) if (w > 0) count++;
        if (count == 0) throw new ArgumentException($"{estimator}: every sample weight is zero, so there is nothing to fit", "context");
        var rows = new int[count];
        count = 0;
        for (var i = 0; i < weights.Length; i++) if (weights[i] > 0) rows[count++] = i;
        return rows;
    }

    /// <summary>A regressor's target as numbers, every one finite.</summary>
    public static double[] NumericTarget(Column target, string estimator)
    {
        if (!target.Type.IsNumeric())
            throw new ArgumentException($"{estimator}: the target '{target.Name}' is {target.Type.Name()}; it needs a numeric target", nameof(target));
        var values = target.AsFloat64().Values.ToArray();
        var bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new ArgumentException($"{estimator}: the target '{target.Name}' holds {values[bad]} at row {bad}; drop or fill it first", nameof(target));
        return values;
    }

    static double[] Filled(int length, double value)
    {
        var values = new double[length];
        values.AsSpan().Fill(value);
        return values;
    }
}
