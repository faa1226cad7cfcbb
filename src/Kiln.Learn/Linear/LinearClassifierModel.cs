using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// A fitted one-vs-rest linear classifier (<see cref="LinearSvm"/>, <see cref="SgdClassifier"/>): one coefficient row
/// for two classes, scoring the second; one row per class for more. Prediction is the sign of the score for two classes
/// and the highest-scoring class for more; probabilities follow <see cref="Probability"/>.
/// </summary>
public sealed class LinearClassifierModel : ClassifierModel
{
    const int Block = 4096;
    readonly double[] _coefficients;
    readonly double[] _intercepts;

    internal LinearClassifierModel(IEstimator estimator, InputSchema schema, Column classes, double[] coefficients, double[] intercepts,
        LinearScoreProbability probability, int iterations)
        : base(estimator, schema, classes)
    {
        _coefficients = coefficients;
        _intercepts = intercepts;
        Probability = probability;
        Iterations = iterations;
    }

    /// <summary>How many coefficient rows: 1 for two classes, else one per class.</summary>
    public int CoefficientRows => _intercepts.Length;

    /// <summary>A copy of the coefficients, coefficient rows × input columns.</summary>
    public double[,] CoefficientMatrix
    {
        get
        {
            var p = Schema.Columns.Count;
            var matrix = new double[CoefficientRows, p];
            for (var k = 0; k < CoefficientRows; k++)
                for (var j = 0; j < p; j++) matrix[k, j] = _coefficients[k * p + j];
            return matrix;
        }
    }

    /// <summary>One intercept per coefficient row.</summary>
    public IReadOnlyList<double> Intercepts => _intercepts;

    /// <summary>How decision values become probabilities.</summary>
    public LinearScoreProbability Probability { get; }

    /// <summary>The most passes over the data any one-vs-rest problem took.</summary>
    public int Iterations { get; }

    /// <summary>The decision values, rows × coefficient rows, row-major.</summary>
    double[] Scores(FeatureMatrix x)
    {
        var (n, p, rows) = (x.RowCount, x.FeatureCount, CoefficientRows);
        var scores = new double[(long)n * rows];
        var memory = x.Memory;
        Parallel.For(0, (n + Block - 1) / Block, block =>
        {
            var end = Math.Min(n, (block + 1) * Block);
            for (var i = block * Block; i < end; i++)
            {
                var features = memory.Span.Slice(i * p, p);
                for (var r = 0; r < rows; r++)
                    scores[(long)i * rows + r] = TensorPrimitives.Dot(features, _coefficients.AsSpan(r * p, p)) + _intercepts[r];
            }
        });
        return scores;
    }

    protected override int[] PredictCodes(FeatureMatrix x)
    {
        var scores = Scores(x);
        var rows = CoefficientRows;
        var codes = new int[x.RowCount];
        for (var i = 0; i < codes.Length; i++)
            codes[i] = rows == 1 ? (scores[i] > 0 ? 1 : 0) : TensorPrimitives.IndexOfMax(scores.AsSpan(i * rows, rows));
        return codes;
    }

    protected override double[] Probabilities(FeatureMatrix x)
    {
        var scores = Scores(x);
        var (n, rows, k) = (x.RowCount, CoefficientRows, Classes.Length);
        var probabilities = new double[(long)n * k];
        for (var i = 0; i < n; i++)
        {
            var output = probabilities.AsSpan(i * k, k);
            if (rows == 1)
            {
                output[1] = Positive(scores[i]);
                output[0] = 1 - output[1];
                continue;
            }
            var row = scores.AsSpan(i * rows, rows);
            if (Probability == LinearScoreProbability.Softmax)
            {
                TensorPrimitives.SoftMax(row, output);
                continue;
            }
            for (var c = 0; c < k; c++) output[c] = Positive(row[c]);
            var sum = TensorPrimitives.Sum<double>(output);
            // scikit-learn gives every class the same share when no class has any (modified Huber scores all ≤ −1)
            if (sum == 0) output.Fill(1.0 / k);
            else TensorPrimitives.Divide(output, sum, output);
        }
        return probabilities;
    }

    /// <summary>The probability of the positive side of one score.</summary>
    double Positive(double score) => Probability switch
    {
        LinearScoreProbability.NormalisedModifiedHuber => (Math.Clamp(score, -1, 1) + 1) / 2,
        _ => score >= 0 ? 1 / (1 + Math.Exp(-score)) : Math.Exp(score) / (1 + Math.Exp(score)),
    };

    public override void Save(ModelWriter writer)
    {
        ClassColumns.Save(writer, Classes);
        writer.Write("coefficients", _coefficients);
        writer.Write("intercepts", _intercepts);
        writer.Write("probability", Probability.ToString());
        writer.Write("iterations", Iterations);
    }

    public static LinearClassifierModel Load(ModelReader reader)
    {
        var classes = ClassColumns.Load(reader);
        var coefficients = reader.ReadDoubles("coefficients");
        var intercepts = reader.ReadDoubles("intercepts");
        var rows = classes.Length == 2 ? 1 : classes.Length;
        if (intercepts.Length != rows || coefficients.Length != rows * reader.Schema.Columns.Count)
            throw new InvalidDataException($"model package: a linear classifier holds {coefficients.Length} coefficients and {intercepts.Length} intercepts for {classes.Length} classes and {reader.Schema.Columns.Count} columns");
        if (!Enum.TryParse<LinearScoreProbability>(reader.ReadString("probability"), out var probability))
            throw new InvalidDataException($"model package: unknown probability mapping '{reader.ReadString("probability")}'");
        return new LinearClassifierModel(reader.Estimator, reader.Schema, classes, coefficients, intercepts, probability, reader.ReadInt32("iterations"));
    }
}
