using Kiln.Data;

namespace Kiln.Learn.NaiveBayes;

/// <summary>Naive Bayes over binary features, counting absences as evidence too (scikit-learn's BernoulliNB).</summary>
[Estimator("bernoulli-nb", EstimatorRole.Classifier, "Naive Bayes for binary (present/absent) features",
    Capabilities = [Capability.SampleWeights])]
public sealed record BernoulliNaiveBayes : Estimator<BernoulliNaiveBayesModel>
{
    [Parameter("Additive (Laplace/Lidstone) smoothing added to every count", Min = 0, Search = "log(0.001,10)")]
    public double Alpha { get; init; } = 1.0;

    [Parameter("Values above this threshold count as 1, the rest as 0; none takes the features as already binary")]
    public double? Binarize { get; init; } = 0.0;

    [Parameter("Learn class priors from the data; otherwise every class is equally likely")]
    public bool FitPrior { get; init; } = true;

    protected override BernoulliNaiveBayesModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "bernoulli-nb");
        var labels = NaiveBayesMath.Labels(target!);
        var (k, d) = (labels.Count, columns.Length);
        var classWeights = NaiveBayesMath.ClassWeights(labels.CodeOfRow, k, context.SampleWeights);
        var counts = NaiveBayesMath.FeatureSums(columns, labels.CodeOfRow, k, context.SampleWeights, Binarize);
        var alpha = Math.Max(Alpha, 1e-10);
        var featureLogProbabilities = new double[k * d];
        for (var c = 0; c < k; c++)
            for (var j = 0; j < d; j++)
                featureLogProbabilities[c * d + j] = Math.Log(counts[c * d + j] + alpha) - Math.Log(classWeights[c] + 2 * alpha);
        return new BernoulliNaiveBayesModel(this, InputSchema.Of(features), labels.Values(),
            NaiveBayesMath.ClassLogPriors(classWeights, FitPrior), featureLogProbabilities);
    }
}

/// <summary>A fitted <see cref="BernoulliNaiveBayes"/>: each class's log prior and the log probability that each feature is present in it.</summary>
public sealed class BernoulliNaiveBayesModel : DiscreteNaiveBayesModel
{
    internal BernoulliNaiveBayesModel(BernoulliNaiveBayes estimator, InputSchema schema, Column classes, double[] classLogPriors, double[] featureLogProbabilities)
        : this(estimator, schema, classes, classLogPriors, featureLogProbabilities, PresenceScores(classLogPriors, featureLogProbabilities))
    {
    }

    BernoulliNaiveBayesModel(BernoulliNaiveBayes estimator, InputSchema schema, Column classes, double[] classLogPriors, double[] featureLogProbabilities,
        (double[] Weights, double[] Bias) scores)
        : base(estimator, schema, classes, classLogPriors, featureLogProbabilities, scores.Weights, scores.Bias, estimator.Binarize)
    {
    }

    /// <summary>log P(x) = x·(log p − log(1 − p)) + Σ log(1 − p): one dot product per class.</summary>
    static (double[] Weights, double[] Bias) PresenceScores(double[] classLogPriors, double[] featureLogProbabilities)
    {
        var k = classLogPriors.Length;
        var d = featureLogProbabilities.Length / k;
        var weights = new double[k * d];
        var bias = new double[k];
        for (var c = 0; c < k; c++)
        {
            bias[c] = classLogPriors[c];
            for (var j = 0; j < d; j++)
            {
                var logAbsent = Math.Log(1 - Math.Exp(featureLogProbabilities[c * d + j]));
                weights[c * d + j] = featureLogProbabilities[c * d + j] - logAbsent;
                bias[c] += logAbsent;
            }
        }
        return (weights, bias);
    }

    public static BernoulliNaiveBayesModel Load(ModelReader reader)
    {
        var (classes, priors, features) = ReadParts(reader, "bernoulli-nb");
        return new BernoulliNaiveBayesModel((BernoulliNaiveBayes)reader.Estimator, reader.Schema, classes, priors, features);
    }
}
