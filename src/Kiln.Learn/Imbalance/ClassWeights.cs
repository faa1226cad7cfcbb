using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// A weight per class, for learners that take sample weights instead of resampled data. <see cref="Balanced"/>
/// weighs each class inversely to its frequency, as scikit-learn's <c>compute_class_weight("balanced")</c>.
/// </summary>
public sealed class ClassWeights
{
    readonly double[] _weights;
    readonly Dictionary<object, int> _indexOfClass;

    ClassWeights(Column classes, double[] weights)
    {
        Classes = classes;
        _weights = weights;
        _indexOfClass = new Dictionary<object, int>(weights.Length);
        for (var c = 0; c < weights.Length; c++) _indexOfClass[classes.GetValue(c)!] = c;
    }

    /// <summary>The classes in ascending order, typed as the target.</summary>
    public Column Classes { get; }

    /// <summary>One weight per class, in the order of <see cref="Classes"/>.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary><c>rows / (classes · rows of the class)</c> for each class of <paramref name="target"/>, so that every class weighs the same in total.</summary>
    public static ClassWeights Balanced(Column target)
    {
        var labels = ClassLabels.Of(target, nameof(target)).Sorted();
        var weights = new double[labels.Count];
        for (var c = 0; c < weights.Length; c++)
            weights[c] = labels.RowCount / (double)(labels.Count * (long)labels.Counts[c]);
        return new ClassWeights(labels.Values(), weights);
    }

    /// <summary>The weight of the class written as <paramref name="value"/> (a boxed class value, as <see cref="Column.GetValue"/> gives it).</summary>
    public double WeightOf(object value) =>
        _indexOfClass.TryGetValue(value, out var c) ? _weights[c]
            : throw new ArgumentException($"'{value}' is not one of the classes ({Describe()})", nameof(value));

    /// <summary>One weight per row of <paramref name="target"/>, to pass as <see cref="FitContext.SampleWeights"/>.</summary>
    public double[] ForRows(Column target)
    {
        var labels = ClassLabels.Of(target, nameof(target));
        var weightOfLabel = new double[labels.Count];
        for (var c = 0; c < labels.Count; c++)
        {
            var value = target.GetValue(labels.FirstRow[c])!;
            weightOfLabel[c] = _indexOfClass.TryGetValue(value, out var index) ? _weights[index]
                : throw new ArgumentException($"class '{labels.Name(c)}' of '{target.Name}' has no weight (classes: {Describe()})", nameof(target));
        }
        var weights = new double[labels.RowCount];
        for (var i = 0; i < weights.Length; i++) weights[i] = weightOfLabel[labels.CodeOfRow[i]];
        return weights;
    }

    /// <summary>The context with these weights as its sample weights for the rows of <paramref name="target"/>.</summary>
    public FitContext ApplyTo(Column target, FitContext? context = null) =>
        (context ?? FitContext.Default) with { SampleWeights = ForRows(target) };

    string Describe() => string.Join(", ", Enumerable.Range(0, Classes.Length).Select(Classes.Format));
}
