using Kiln.Data;

namespace Kiln.Learn.NaiveBayes;

/// <summary>Naive Bayes over counts (word counts, pixel intensities) with additive smoothing (scikit-learn's MultinomialNB).</summary>
[Estimator("multinomial-nb", EstimatorRole.Classifier, "Naive Bayes for counts and frequencies, such as word counts",
    Capabilities = [Capability.NonNegativeInput, Capability.SampleWeights])]
public sealed record MultinomialNaiveBayes : Estimator<MultinomialNaiveBayesModel>
{
    [Parameter("Additive (Laplace/Lidstone) smoothing added to every count", Min = 0, Search = "log(0.001,10)")]
    public double Alpha { get; init; } = 1.0;

    [Parameter("Learn class priors from the data; otherwise every class is equally likely")]
    public bool FitPrior { get; init; } = true;

    protected override MultinomialNaiveBayesModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "multinomial-nb");
        NaiveBayesMath.RequireNonNegative(columns, "multinomial-nb");
        var labels = NaiveBayesMath.Labels(target!);
        var (k, d) = (labels.Count, columns.Length);
        var classWeights = NaiveBayesMath.ClassWeights(labels.CodeOfRow, k, context.SampleWeights);
        var counts = NaiveBayesMath.FeatureSums(columns, labels.CodeOfRow, k, context.SampleWeights);
        // scikit-learn clips alpha to 1e-10 so that an unseen feature never has probability zero
        var alpha = Math.Max(Alpha, 1e-10);
        var featureLogProbabilities = new double[k * d];
        for (var c = 0; c < k; c++)
        {
            double total = 0;
            for (var j = 0; j < d; j++) total += counts[c * d + j] + alpha;
            for (var j = 0; j < d; j++) featureLogProbabilities[c * d + j] = Math.Log(counts[c * d + j] + alpha) - Math.Log(total);
        }
        return new MultinomialNaiveBayesModel(this, InputSchema.Of(features), labels.Values(),
            NaiveBayesMath.ClassLogPriors(classWeights, FitPrior), featureLogProbabilities);
    }
}

/// <summary>A fitted <see cref="MultinomialNaiveBayes"/>: each class's log prior and the log probability of each feature within it.</summary>
public sealed class MultinomialNaiveBayesModel : DiscreteNaiveBayesModel
{
    internal MultinomialNaiveBayesModel(MultinomialNaiveBayes estimator, InputSchema schema, Column classes, double[] classLogPriors, double[] featureLogProbabilities)
        : base(estimator, schema, classes, classLogPriors, featureLogProbabilities, featureLogProbabilities, classLogPriors)
    {
    }

    public static MultinomialNaiveBayesModel Load(ModelReader reader)
    {
        var (classes, priors, features) = ReadParts(reader, "multinomial-nb");
        return new MultinomialNaiveBayesModel((MultinomialNaiveBayes)reader.Estimator, reader.Schema, classes, priors, features);
    }
}
