using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>Centres each numeric column on its mean and scales it to unit variance (scikit-learn's StandardScaler).</summary>
[Estimator("standard-scaler", EstimatorRole.Transformer, "Standardise numeric columns to zero mean and unit variance",
    Capabilities = [Capability.AllowsMissing, Capability.SampleWeights])]
public sealed record StandardScaler : Estimator<StandardScalerModel>
{
    [Parameter("Subtract each column's mean")]
    public bool WithMean { get; init; } = true;

    [Parameter("Divide by each column's standard deviation")]
    public bool WithStd { get; init; } = true;

    protected override StandardScalerModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "standard-scaler");
        var means = new double[columns.Length];
        var scales = new double[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var (mean, variance) = WeightedMoments(columns[j].Values, context.SampleWeights);
            means[j] = WithMean ? mean : 0;
            // a constant column keeps its values, as scikit-learn does, instead of dividing by zero
            scales[j] = WithStd && variance > 0 ? Math.Sqrt(variance) : 1;
        });
        return new StandardScalerModel(this, InputSchema.Of(features), means, scales);
    }

    /// <summary>Mean and population variance (ddof 0, as scikit-learn) over the present values, weighted when weights are given.</summary>
    static (double Mean, double Variance) WeightedMoments(ReadOnlySpan<double> values, double[]? weights)
    {
        double total = 0, sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            var w = weights?[i] ?? 1;
            total += w;
            sum += w * values[i];
        }
        if (total == 0) return (0, 0);
        var mean = sum / total;
        double squares = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            var d = values[i] - mean;
            squares += (weights?[i] ?? 1) * d * d;
        }
        return (mean, squares / total);
    }
}

/// <summary>A fitted <see cref="StandardScaler"/>: the mean and scale of each column.</summary>
public sealed class StandardScalerModel : TransformerModel
{
    readonly double[] _means;
    readonly double[] _scales;

    internal StandardScalerModel(StandardScaler estimator, InputSchema schema, double[] means, double[] scales) : base(estimator, schema)
    {
        _means = means;
        _scales = scales;
    }

    public IReadOnlyList<double> Means => _means;
    public IReadOnlyList<double> Scales => _scales;
    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features)
    {
        var columns = NumericInput.Columns(features, "standard-scaler");
        var output = new Column[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var values = columns[j].Values;
            var result = new double[values.Length];
            var (mean, scale) = (_means[j], _scales[j]);
            for (var i = 0; i < result.Length; i++) result[i] = (values[i] - mean) / scale;
            output[j] = new Float64Column(columns[j].Name, result);
        });
        return new Frame(output);
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("means", _means);
        writer.Write("scales", _scales);
    }

    public static StandardScalerModel Load(ModelReader reader)
    {
        var means = reader.ReadDoubles("means");
        var scales = reader.ReadDoubles("scales");
        if (means.Length != reader.Schema.Columns.Count || scales.Length != means.Length)
            throw new InvalidDataException($"model package: standard-scaler holds {means.Length} means for {reader.Schema.Columns.Count} columns");
        return new StandardScalerModel((StandardScaler)reader.Estimator, reader.Schema, means, scales);
    }
}
