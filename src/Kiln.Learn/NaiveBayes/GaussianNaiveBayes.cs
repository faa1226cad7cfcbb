using System.Numerics;
using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.NaiveBayes;

/// <summary>Naive Bayes with a normal distribution per class and feature (scikit-learn's GaussianNB).</summary>
[Estimator("gaussian-nb", EstimatorRole.Classifier, "Naive Bayes with per-class normal distributions over numeric features",
    Capabilities = [Capability.SampleWeights])]
public sealed record GaussianNaiveBayes : Estimator<GaussianNaiveBayesModel>
{
    [Parameter("Share of the largest feature variance added to every variance, for numerical stability", Min = 0, Search = "log(1e-12,0.01)")]
    public double VarSmoothing { get; init; } = 1e-9;

    protected override GaussianNaiveBayesModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "gaussian-nb");
        var labels = NaiveBayesMath.Labels(target!);
        var (k, d) = (labels.Count, columns.Length);
        var weights = context.SampleWeights;
        var classWeights = NaiveBayesMath.ClassWeights(labels.CodeOfRow, k, weights);
        var means = new double[k * d];
        var variances = new double[k * d];
        var columnVariances = new double[d];
        // each column is its own task: two passes over its contiguous values give the class means, then the squared deviations
        Parallel.For(0, d, () => new double[k], (j, _, totals) =>
        {
            var values = columns[j].Values;
            var codes = labels.CodeOfRow;
            Array.Clear(totals);
            for (var i = 0; i < values.Length; i++) totals[codes[i]] += weights is null ? values[i] : weights[i] * values[i];
            double weightTotal = 0, sum = 0;
            for (var c = 0; c < k; c++)
            {
                weightTotal += classWeights[c];
                sum += totals[c];
                means[c * d + j] = classWeights[c] > 0 ? totals[c] / classWeights[c] : 0;
            }
            var columnMean = sum / weightTotal;
            Array.Clear(totals);
            double columnSquares = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var w = weights?[i] ?? 1;
                var deviation = values[i] - means[codes[i] * d + j];
                totals[codes[i]] += w * deviation * deviation;
                var spread = values[i] - columnMean;
                columnSquares += w * spread * spread;
            }
            for (var c = 0; c < k; c++) variances[c * d + j] = totals[c];
            columnVariances[j] = columnSquares / weightTotal;
            return totals;
        }, _ => { });
        // var-smoothing is a share of the largest (weighted) variance of any feature over all rows
        var epsilon = VarSmoothing * (d == 0 ? 0 : TensorPrimitives.Max<double>(columnVariances));
        // a constant input has no variance to scale by; smoothing by the bare factor keeps every variance positive
        if (epsilon == 0) epsilon = VarSmoothing > 0 ? VarSmoothing : double.Epsilon;
        for (var c = 0; c < k; c++)
            for (var j = 0; j < d; j++)
                variances[c * d + j] = (classWeights[c] > 0 ? variances[c * d + j] / classWeights[c] : 0) + epsilon;
        return new GaussianNaiveBayesModel(this, InputSchema.Of(features), labels.Values(),
            NaiveBayesMath.ClassLogPriors(classWeights, fitPrior: true), means, variances);
    }
}

/// <summary>A fitted <see cref="GaussianNaiveBayes"/>: each class's prior and each class and feature's mean and variance.</summary>
public sealed class GaussianNaiveBayesModel : ClassifierModel
{
    readonly double[] _classLogPriors;
    readonly double[] _means;
    readonly double[] _variances;
    readonly double[] _logNormalisers;
    readonly double[] _inverseVariances;

    const int RowsPerBlock = 2048;

    internal GaussianNaiveBayesModel(GaussianNaiveBayes estimator, InputSchema schema, Column classes, double[] classLogPriors, double[] means, double[] variances)
        : base(estimator, schema, classes)
    {
        _classLogPriors = classLogPriors;
        _means = means;
        _variances = variances;
        _inverseVariances = new double[variances.Length];
        TensorPrimitives.Divide(1.0, variances, _inverseVariances);
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

    protected override double[] Probabilities(Frame features) => NaiveBayesMath.Softmax(JointLogLikelihoods(CheckedMatrix(features)), _classLogPriors.Length);

    protected override int[] PredictCodes(Frame features) => NaiveBayesMath.ArgMax(JointLogLikelihoods(CheckedMatrix(features)), _classLogPriors.Length);

    /// <summary>Row-major log prior + log density of each row under each class, in parallel blocks of rows.</summary>
    double[] JointLogLikelihoods(FeatureMatrix x)
    {
        var (k, d, rows) = (_classLogPriors.Length, x.FeatureCount, x.RowCount);
        var scores = new double[(long)rows * k];
        var values = x.Memory;
        var blocks = (rows + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, block =>
        {
            var end = Math.Min(rows, (block + 1) * RowsPerBlock);
            for (var i = block * RowsPerBlock; i < end; i++)
            {
                var row = values.Span.Slice(i * d, d);
                for (var c = 0; c < k; c++)
                    scores[(long)i * k + c] = _logNormalisers[c] - 0.5 * ScaledSquares(row, _means.AsSpan(c * d, d), _inverseVariances.AsSpan(c * d, d));
            }
        });
        return scores;
    }

    /// <summary>Σ (x − μ)² / σ², vectorised without a buffer.</summary>
    static double ScaledSquares(ReadOnlySpan<double> row, ReadOnlySpan<double> means, ReadOnlySpan<double> inverseVariances)
    {
        var width = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var j = 0;
        for (; j + width <= row.Length; j += width)
        {
            var deviation = new Vector<double>(row.Slice(j, width)) - new Vector<double>(means.Slice(j, width));
            sum += deviation * deviation * new Vector<double>(inverseVariances.Slice(j, width));
        }
        var total = Vector.Sum(sum);
        for (; j < row.Length; j++)
        {
            var deviation = row[j] - means[j];
            total += deviation * deviation * inverseVariances[j];
        }
        return total;
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
