using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// A fitted <see cref="LogisticRegression"/>. Two classes have one coefficient row, the log-odds of the second class;
/// more classes have one row per class, and the probabilities are the softmax of the rows' scores.
/// </summary>
public sealed class LogisticRegressionModel : ClassifierModel
{
    readonly double[] _coefficients;
    readonly double[] _intercepts;

    internal LogisticRegressionModel(IEstimator estimator, InputSchema schema, Column classes, double[] coefficients, double[] intercepts, int iterations)
        : base(estimator, schema, classes)
    {
        _coefficients = coefficients;
        _intercepts = intercepts;
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

    /// <summary>Each coefficient row's weights by input column name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Coefficients =>
        [.. Enumerable.Range(0, CoefficientRows).Select(k => (IReadOnlyDictionary<string, double>)Schema.Names
            .Select((name, j) => (name, j)).ToDictionary(p => p.name, p => _coefficients[k * Schema.Columns.Count + p.j]))];

    /// <summary>One intercept per coefficient row.</summary>
    public IReadOnlyList<double> Intercepts => _intercepts;

    /// <summary>How many L-BFGS iterations or Newton passes the fit took.</summary>
    public int Iterations { get; }

    protected override double[] Probabilities(FeatureMatrix x)
    {
        var (n, p, rows, k) = (x.RowCount, x.FeatureCount, CoefficientRows, Classes.Length);
        var probabilities = new double[(long)n * k];
        var memory = x.Memory;
        Parallel.For(0, (n + 4095) / 4096, block =>
        {
            var scores = new double[rows];
            var end = Math.Min(n, (block + 1) * 4096);
            for (var i = block * 4096; i < end; i++)
            {
                var features = memory.Span.Slice(i * p, p);
                for (var r = 0; r < rows; r++) scores[r] = TensorPrimitives.Dot(features, _coefficients.AsSpan(r * p, p)) + _intercepts[r];
                var output = probabilities.AsSpan(i * k, k);
                if (rows == 1)
                {
                    var z = scores[0];
                    output[1] = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
                    output[0] = 1 - output[1];
                }
                else TensorPrimitives.SoftMax(scores, output);
            }
        });
        return probabilities;
    }

    public override void Save(ModelWriter writer)
    {
        ClassColumns.Save(writer, Classes);
        writer.Write("coefficients", _coefficients);
        writer.Write("intercepts", _intercepts);
        writer.Write("iterations", Iterations);
    }

    public static LogisticRegressionModel Load(ModelReader reader)
    {
        var classes = ClassColumns.Load(reader);
        var coefficients = reader.ReadDoubles("coefficients");
        var intercepts = reader.ReadDoubles("intercepts");
        var rows = classes.Length == 2 ? 1 : classes.Length;
        if (intercepts.Length != rows || coefficients.Length != rows * reader.Schema.Columns.Count)
            throw new InvalidDataException($"model package: logistic-regression holds {coefficients.Length} coefficients and {intercepts.Length} intercepts for {classes.Length} classes and {reader.Schema.Columns.Count} columns");
        return new LogisticRegressionModel(reader.Estimator, reader.Schema, classes, coefficients, intercepts, reader.ReadInt32("iterations"));
    }
}
