using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Features;

/// <summary>
/// Makes each numeric column more Gaussian with a Yeo–Johnson or Box–Cox power transform whose lambda maximises the
/// log-likelihood (Brent's method from the bracket (-2, 2), as scikit-learn's PowerTransformer), then optionally
/// standardises. Missing values are ignored when fitting and stay missing.
/// </summary>
[Estimator("power-transformer", EstimatorRole.Transformer, "Make numeric columns more Gaussian with a fitted Yeo-Johnson or Box-Cox transform",
    Capabilities = [Capability.AllowsMissing])]
public sealed record PowerTransformer : Estimator<PowerTransformerModel>
{
    [Parameter("yeo-johnson takes any values; box-cox only strictly positive ones")]
    public PowerMethod Method { get; init; } = PowerMethod.YeoJohnson;

    [Parameter("Scale the transformed columns to zero mean and unit variance")]
    public bool Standardize { get; init; } = true;

    protected override PowerTransformerModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "power-transformer");
        if (Method == PowerMethod.BoxCox) foreach (var column in columns) PowerTransform.RequirePositive(column);
        var lambdas = new double[columns.Length];
        var means = new double[columns.Length];
        var scales = new double[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var present = MissingValues.SortedPresent(columns[j].Values);
            lambdas[j] = Method == PowerMethod.BoxCox ? PowerTransform.BoxCoxLambda(present) : PowerTransform.YeoJohnsonLambda(present);
            if (!Standardize)
            {
                (means[j], scales[j]) = (0, 1);
                return;
            }
            var transformed = new double[columns[j].Length];
            PowerTransform.Apply(Method, lambdas[j], columns[j].Values, transformed);
            var (mean, variance, _) = MissingValues.Moments(transformed);
            // a column that is constant after transforming keeps its values rather than dividing by zero, as scikit-learn
            (means[j], scales[j]) = (double.IsNaN(mean) ? 0 : mean, variance > 0 ? Math.Sqrt(variance) : 1);
        });
        return new PowerTransformerModel(this, InputSchema.Of(features), lambdas, means, scales);
    }
}

/// <summary>A fitted <see cref="PowerTransformer"/>: one lambda per column and, when standardising, its mean and scale.</summary>
public sealed class PowerTransformerModel : TransformerModel
{
    readonly double[] _lambdas;
    readonly double[] _means;
    readonly double[] _scales;

    internal PowerTransformerModel(PowerTransformer estimator, InputSchema schema, double[] lambdas, double[] means, double[] scales)
        : base(estimator, schema)
    {
        _lambdas = lambdas;
        _means = means;
        _scales = scales;
    }

    public IReadOnlyList<double> Lambdas => _lambdas;
    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features)
    {
        var method = ((PowerTransformer)Estimator).Method;
        var columns = NumericInput.Columns(features, "power-transformer");
        if (method == PowerMethod.BoxCox) foreach (var column in columns) PowerTransform.RequirePositive(column);
        var output = new Column[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var result = new double[columns[j].Length];
            PowerTransform.Apply(method, _lambdas[j], columns[j].Values, result);
            var (mean, scale) = (_means[j], _scales[j]);
            for (var i = 0; i < result.Length; i++) result[i] = (result[i] - mean) / scale;
            output[j] = new Float64Column(columns[j].Name, result);
        });
        return new Frame(output);
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("lambdas", _lambdas);
        writer.Write("means", _means);
        writer.Write("scales", _scales);
    }

    public static PowerTransformerModel Load(ModelReader reader)
    {
        var lambdas = reader.ReadDoubles("lambdas");
        var means = reader.ReadDoubles("means");
        var scales = reader.ReadDoubles("scales");
        var count = reader.Schema.Columns.Count;
        if (lambdas.Length != count || means.Length != count || scales.Length != count)
            throw new InvalidDataException($"model package: power-transformer holds {lambdas.Length} lambdas for {count} columns");
        return new PowerTransformerModel((PowerTransformer)reader.Estimator, reader.Schema, lambdas, means, scales);
    }
}
