using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.NaiveBayes;

/// <summary>Naive Bayes with a normal distribution per class and feature (scikit-learn's GaussianNB).</summary>
[Estimator("gaussian-nb", EstimatorRole.Classifier, "Naive Bayes with per-class normal distributions over numeric features",
    Capabilities = [Capability.SampleWeights])]
public sealed record GaussianNaiveBayes : Estimator<GaussianNaiveBayesModel>
{
    [Parameter("Share of the largest feature variance added to every variance, for numerical stability", Min = 0)]
    public double VarSmoothing { get; init; } = 1e-9;

    protected override GaussianNaiveBayesModel FitCore(Frame features, Column? target, FitContext context)
    {
        var x = NumericInput.Matrix(features, "gaussian-nb");
        var labels = NaiveBayesMath.Labels(target!);
        var (k, d) = (labels.Count, x.FeatureCount);
        var weights = context.SampleWeights;
        var (classWeights, sums) = NaiveBayesMath.Totals(x.Values, d, labels.CodeOfRow, k, weights);
        var means = new double[k * d];
        for (var c = 0; c < k; c++)
            if (classWeights[c] > 0)
                TensorPrimitives.Divide(sums.AsSpan(c * d, d), classWeights[c], means.AsSpan(c * d, d));
        var variances = new double[k * d];
        var values = x.Values;
        for (var i = 0; i < labels.RowCount; i++)
        {
            var w = weights?[i] ?? 1;
            var c = labels.CodeOfRow[i];
            for (var j = 0; j < d; j++)
            {
                var deviation = values[i * d + j] - means[c * d + j];
                variances[c * d + j] += w * deviation * deviation;
            }
        }
        var epsilon = VarSmoothing * LargestVariance(x, weights);
        // a constant input has no variance to scale by; smoothing by the bare factor keeps every variance positive
        if (epsilon == 0) epsilon = VarSmoothing > 0 ? VarSmoothing : double.Epsilon;
        for (var c = 0; c < k; c++)
            for (var j = 0; j < d; j++)
                variances[c * d + j] = (classWeights[c] > 0 ? variances[c * d + j] / classWeights[c] : 0) + epsilon;
        return new GaussianNaiveBayesModel(this, InputSchema.Of(features), labels.Values(),
            NaiveBayesMath.ClassLogPriors(classWeights, fitPrior: true), means, variances);
    }

    /// <summary>The largest (weighted) variance of any feature over all rows: the scale var-smoothing is a share of.</summary>
    static double LargestVariance(FeatureMatrix x, double[]? weights)
    {
        var d = x.FeatureCount;
        var values = x.Values;
        double largest = 0;
        for (var j = 0; j < d; j++)
        {
            double total = 0, sum = 0;
            for (var i = 0; i < x.RowCount; i++)
            {
                var w = weights?[i] ?? 1;
                total += w;
                sum += w * values[i * d + j];
            }
            var mean = sum / total;
            double squares = 0;
            for (var i = 0; i < x.RowCount; i++)
            {
                var deviation = values[i * d + j] - mean;
                squares += (weights?[i] ?? 1) * deviation * deviation;
            }
            largest = Math.Max(largest, squares / total);
        }
        return largest;
    }
}

/// <summary>A fitted <see cref="GaussianNaiveBayes"/>: each class's prior and each class and feature's mean and variance.</summary>
public sealed class GaussianNaiveBayesModel : ClassifierModel
{
    readonly double[] _classLogPriors;
    readonly double[] _means;
    readonly double[] _variances;
    readonly double[] _logNormalisers;

    internal GaussianNaiveBayesModel(GaussianNaiveBayes estimator, InputSchema schema, Column classes, double[] classLogPriors, double[] means, double[] variances)
        : base(estimator, schema, classes)
    {
        _classLogPriors = classLogPriors;
        _means = means;
        _variances = variances;
        var d = means.Length / classLogPriors.Length;
        _logNormalisers = new double[classLogPriors.Length];
        for (var c = 0; c < _logNormalisers.Length; c++)
        {
            double sum = 0;
            for (var j = 0; j < d; j++) sum += Math.Log(2 * Math.PI * variances[c * d + j]);
            _logNormalisers[c] = classLogPriors[c] - 0.5 * sum;
        }
    }

    /// <summary>The log of each class's prior probability, in class order.</summary>
    public IReadOnlyList<double> ClassLogPriors => _classLogPriors;

    /// <summary>Each class's feature means, row-major classes × features.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>Each class's feature variances after smoothing, row-major classes × features.</summary>
    public IReadOnlyList<double> Variances => _variances;

    protected override double[] Probabilities(FeatureMatrix x)
    {
        var (k, d) = (_classLogPriors.Length, x.FeatureCount);
        var scores = new double[x.RowCount * k];
        var values = x.Memory;
        Parallel.For(0, x.RowCount, () => new double[d], (i, _, deviation) =>
        {
            var row = values.Span.Slice(i * d, d);
            for (var c = 0; c < k; c++)
            {
                TensorPrimitives.Subtract(row, _means.AsSpan(c * d, d), deviation);
                TensorPrimitives.Multiply(deviation, deviation, deviation);
                TensorPrimitives.Divide(deviation, _variances.AsSpan(c * d, d), deviation);
                scores[i * k + c] = _logNormalisers[c] - 0.5 * TensorPrimitives.Sum<double>(deviation);
            }
            return deviation;
        }, _ => { });
        return NaiveBayesMath.Softmax(scores, k);
    }

    public override void Save(ModelWriter writer)
    {
        ClassColumns.Save(writer, Classes);
        writer.Write("class-log-priors", _classLogPriors);
        writer.Write("means", _means);
        writer.Write("variances", _variances);
    }

    public static GaussianNaiveBayesModel Load(ModelReader reader)
    {
        var classes = ClassColumns.Load(reader);
        var size = classes.Length * reader.Schema.Columns.Count;
        return new GaussianNaiveBayesModel((GaussianNaiveBayes)reader.Estimator, reader.Schema, classes,
            NaiveBayesMath.ReadDoubles(reader, "class-log-priors", classes.Length, "gaussian-nb"),
            NaiveBayesMath.ReadDoubles(reader, "means", size, "gaussian-nb"),
            NaiveBayesMath.ReadDoubles(reader, "variances", size, "gaussian-nb"));
    }
}
