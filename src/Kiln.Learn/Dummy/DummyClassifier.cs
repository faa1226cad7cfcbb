using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn.Dummy;

/// <summary>
/// A baseline classifier that ignores the features (scikit-learn's DummyClassifier): it predicts from the training
/// target's class priors alone, so any real model has to beat it to be worth having.
/// </summary>
[Estimator("dummy-classifier", EstimatorRole.Classifier, "Baseline that ignores the features: most frequent class, class priors, random draws or a constant",
    Capabilities = [Capability.Randomized, Capability.SampleWeights])]
public sealed record DummyClassifier : Estimator<DummyClassifierModel>
{
    const string Name = "dummy-classifier";

    [Parameter("prior: most frequent class, probabilities the class priors; most-frequent: the same class with probability 1; stratified: random draws from the priors; uniform: random classes; constant: the constant parameter",
        Search = "prior,stratified,uniform")]
    public DummyClassifierStrategy Strategy { get; init; } = DummyClassifierStrategy.Prior;

    [Parameter("The class predicted by strategy constant, written as the target's values are")]
    public string? Constant { get; init; }

    [Parameter("Seed of the random draws of strategies stratified and uniform")]
    public long Seed { get; init; }

    protected override DummyClassifierModel FitCore(Frame features, Column? target, FitContext context)
    {
        var labels = ClassLabels.Of(target!, nameof(target)).Sorted();
        var priors = new double[labels.Count];
        var weights = context.SampleWeights;
        for (var i = 0; i < labels.RowCount; i++) priors[labels.CodeOfRow[i]] += weights?[i] ?? 1;
        var total = priors.Sum();
        if (!(total > 0)) throw new ArgumentException($"{Name}: every sample weight is zero, so the classes have no priors", nameof(context));
        for (var c = 0; c < priors.Length; c++) priors[c] /= total;
        var classes = labels.Values();
        if (Strategy == DummyClassifierStrategy.Constant) ConstantCode(classes);
        return new DummyClassifierModel(this, InputSchema.Of(features), classes, priors);
    }

    /// <summary>The code of the class named by <see cref="Constant"/>; an error naming the parameter and the classes when it is none of them.</summary>
    internal int ConstantCode(Column classes)
    {
        var names = Enumerable.Range(0, classes.Length).Select(classes.Format).ToArray();
        if (Constant is null)
            throw new ArgumentException($"{Name}: strategy constant needs parameter 'constant', one of the training classes ({string.Join(", ", names)})", "constant");
        var text = Constant.Trim();
        for (var c = 0; c < names.Length; c++)
            if (names[c] == text) return c;
        // a numeric target's class 1 may be written 1.0
        if (classes.Type.IsNumeric() && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var values = classes.AsFloat64().Values;
            for (var c = 0; c < values.Length; c++)
                if (values[c] == number) return c;
        }
        throw new ArgumentException(
            $"{Name}: parameter 'constant' is '{Constant}', which is not one of the training classes ({string.Join(", ", names)})", "constant");
    }
}
