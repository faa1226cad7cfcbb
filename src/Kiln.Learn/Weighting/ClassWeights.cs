using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// Class weights turned into per-row sample weights for <see cref="FitContext.SampleWeights"/>, so every estimator that
/// takes sample weights (and every pipeline, which hands them to each step) can weigh classes without a parameter of its own.
/// </summary>
public static class ClassWeights
{
    /// <summary>Weighs each class inversely to its frequency, <c>rows / (classes × rows of the class)</c> (scikit-learn's "balanced").</summary>
    public static double[] Balanced(Column target)
    {
        var labels = Labels(target);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in labels) counts[label] = counts.GetValueOrDefault(label) + 1;
        var weights = new double[labels.Length];
        for (var i = 0; i < weights.Length; i++)
            weights[i] = (double)labels.Length / (counts.Count * counts[labels[i]]);
        return weights;
    }

    /// <summary>
    /// The given weight for each row's class (labels written as the target prints them); classes not listed weigh 1.
    /// A listed class the target never holds is an error naming it, as it is usually a misspelling.
    /// </summary>
    public static double[] ToSampleWeights(Column target, IReadOnlyDictionary<string, double> classWeights)
    {
        ArgumentNullException.ThrowIfNull(classWeights);
        var labels = Labels(target);
        var present = labels.ToHashSet(StringComparer.Ordinal);
        var unknown = classWeights.Keys.Where(k => !present.Contains(k)).Select(k => $"'{k}'").ToList();
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"class weights name {string.Join(", ", unknown)}, which target '{target.Name}' does not hold (classes: {string.Join(", ", present.Order(StringComparer.Ordinal))})", nameof(classWeights));
        foreach (var (label, weight) in classWeights)
            if (!(weight >= 0) || double.IsInfinity(weight))
                throw new ArgumentException($"the weight of class '{label}' is {weight}; class weights must be finite and non-negative", nameof(classWeights));
        var weights = new double[labels.Length];
        for (var i = 0; i < weights.Length; i++) weights[i] = classWeights.GetValueOrDefault(labels[i], 1);
        return weights;
    }

    static string[] Labels(Column target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var labels = new string[target.Length];
        for (var i = 0; i < labels.Length; i++)
            labels[i] = target.IsMissing(i)
                ? throw new ArgumentException($"target '{target.Name}' has no class at row {i}; drop or fill rows without a label first", nameof(target))
                : target.Format(i);
        return labels;
    }
}
