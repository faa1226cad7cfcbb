using Kiln.Data;
using Kiln.Learn.Imbalance;

namespace Kiln.Neural.Batches;

/// <summary>
/// Class weights that make every class weigh the same in the loss, rows / (classes · rows of the class), as
/// scikit-learn's <c>compute_class_weight("balanced")</c> and Keras users pass to fit's class_weight.
/// </summary>
public static class BalancedClassWeights
{
    /// <summary>The weight of each class present in a dataset of classes, by class index.</summary>
    public static IReadOnlyDictionary<int, double> Of(IDataset dataset) =>
        Of(dataset.RowClasses ?? throw new ArgumentException("balanced class weights need a dataset whose targets are classes", nameof(dataset)));

    /// <summary>The weight of each class present in <paramref name="rowClasses"/> (one class index per row), by class index.</summary>
    public static IReadOnlyDictionary<int, double> Of(IReadOnlyList<int> rowClasses)
    {
        if (rowClasses.Count == 0) throw new ArgumentException("balanced class weights need at least one row", nameof(rowClasses));
        var balanced = ClassWeights.Balanced(new Int64Column("class", [.. rowClasses.Select(c => (long)c)]));
        var weights = new Dictionary<int, double>();
        for (var c = 0; c < balanced.Weights.Count; c++) weights[(int)(long)balanced.Classes.GetValue(c)!] = balanced.Weights[c];
        return weights;
    }
}
