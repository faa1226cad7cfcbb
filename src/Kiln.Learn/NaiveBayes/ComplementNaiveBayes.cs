using Kiln.Data;

namespace Kiln.Learn.NaiveBayes;

/// <summary>
/// Naive Bayes that learns each class from the counts of every other class, which holds up better on imbalanced
/// text (scikit-learn's ComplementNB; Rennie et al., 2003).
/// </summary>
[Estimator("complement-nb", EstimatorRole.Classifier, "Naive Bayes from complement-class counts, robust on imbalanced text",
    Capabilities = [Capability.NonNegativeInput, Capability.SampleWeights])]
public sealed record ComplementNaiveBayes : Estimator<ComplementNaiveBayesModel>
{
    [Parameter("Additive (Laplace/Lidstone) smoothing added to every count", Min = 0, Search = "log(0.001,10)")]
    public double Alpha { get; init; } = 1.0;

    [Parameter("Learn class priors from the data; as in scikit-learn they only count when there is a single class")]
    public bool FitPrior { get; init; } = true;

    [Parameter("Normalise each class's weights a second time, as the paper does")]
    public bool Norm { get; init; }

    protected override ComplementNaiveBayesModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "complement-nb");
        NaiveBayesMath.RequireNonNegative(columns, "complement-nb");
        var labels = NaiveBayesMath.Labels(target!);
        var (k, d) = (labels.Count, columns.Length);
        var classWeights = NaiveBayesMath.ClassWeights(labels.CodeOfRow, k, context.SampleWeights);
        var counts = NaiveBayesMath.FeatureSums(columns, labels.CodeOfRow, k, context.SampleWeights);
        var alpha = Math.Max(Alpha, 1e-10);
        var all = new double[d];
        for (var c = 0; c < k; c++)
            for (var j = 0; j < d; j++) all[j] += counts[c * d + j];
        var featureWeights = new double[k * d];
        for (var c = 0; c < k; c++)
        {
            double total = 0;
            for (var j = 0; j < d; j++) total += all[j] + alpha - counts[c * d + j];
            double logged = 0;
            for (var j = 0; j < d; j++)
            {
                featureWeights[c * d + j] = Math.Log((all[j] + alpha - counts[c * d + j]) / total);
                logged += featureWeights[c * d + j];
            }
            for (var j = 0; j < d; j++)
                featureWeights[c * d + j] = Norm ? featureWeights[c * d + j] / logged : -featureWeights[c * d + j];
        }
        return new ComplementNaiveBayesModel(this, InputSchema.Of(features), labels.Values(),
            NaiveBayesMath.ClassLogPriors(classWeights, FitPrior), featureWeights);
    }
}

/// <summary>A fitted <see cref="ComplementNaiveBayes"/>: the complement-class weight of each class and feature.</summary>
public sealed class ComplementNaiveBayesModel : DiscreteNaiveBayesModel
{
    // scikit-learn adds the prior only for a single class: with more, the complement weights alone decide
    internal ComplementNaiveBayesModel(ComplementNaiveBayes estimator, InputSchema schema, Column classes, double[] classLogPriors, double[] featureWeights)
        : base(estimator, schema, classes, classLogPriors, featureWeights, featureWeights, classLogPriors.Length == 1 ? classLogPriors : new double[classLogPriors.Length])
    {
    }

    public static ComplementNaiveBayesModel Load(ModelReader reader)
    {
        var (classes, priors, features) = ReadParts(reader, "complement-nb");
        return new ComplementNaiveBayesModel((ComplementNaiveBayes)reader.Estimator, reader.Schema, classes, priors, features);
    }
}
