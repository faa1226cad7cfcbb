using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>Maps each numeric column's fitted minimum and maximum onto a feature range, [0, 1] by default (scikit-learn's MinMaxScaler).</summary>
[Estimator("min-max-scaler", EstimatorRole.Transformer, "Scale numeric columns linearly so the fitted minimum and maximum land on a range",
    Capabilities = [Capability.AllowsMissing])]
public sealed record MinMaxScaler : Estimator<MinMaxScalerModel>
{
    internal const string Name = "min-max-scaler";

    [Parameter("Where each column's fitted minimum lands")]
    public double FeatureMin { get; init; }

    [Parameter("Where each column's fitted maximum lands; must exceed feature-min")]
    public double FeatureMax { get; init; } = 1;

    [Parameter("Clamp transformed values into the feature range (for values outside the fitted minimum and maximum)")]
    public bool Clip { get; init; }

    protected override MinMaxScalerModel FitCore(Frame features, Column? target, FitContext context)
    {
        if (!(FeatureMin < FeatureMax) || !double.IsFinite(FeatureMin) || !double.IsFinite(FeatureMax))
            throw new ArgumentException($"{Name}: parameter 'feature-min' ({FeatureMin}) must be finite and below 'feature-max' ({FeatureMax})", nameof(FeatureMin));
        var columns = NumericInput.Columns(features, Name);
        var minima = new double[columns.Length];
        var maxima = new double[columns.Length];
        Parallel.For(0, columns.Length, j => (minima[j], maxima[j]) = PresentRange(columns[j].Values));
        return new MinMaxScalerModel(this, InputSchema.Of(features), minima, maxima);
    }

    /// <summary>The smallest and largest value that is not NaN; a column with none gives (0, 0), which maps values to the low end.</summary>
    static (double Min, double Max) PresentRange(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min <= max ? (min, max) : (0, 0);
    }
}

/// <summary>A fitted <see cref="MinMaxScaler"/>: each column's minimum and maximum at fit time.</summary>
public sealed class MinMaxScalerModel : TransformerModel
{
    readonly double[] _minima;
    readonly double[] _maxima;
    readonly double[] _factors;
    readonly double[] _offsets;

    internal MinMaxScalerModel(MinMaxScaler estimator, InputSchema schema, double[] minima, double[] maxima) : base(estimator, schema)
    {
        _minima = minima;
        _maxima = maxima;
        _factors = new double[minima.Length];
        _offsets = new double[minima.Length];
        for (var j = 0; j < minima.Length; j++)
        {
            // the same two steps as scikit-learn: scale = range / data range, then min = low − data min · scale
            _factors[j] = (estimator.FeatureMax - estimator.FeatureMin) / ColumnScaling.NonZero(maxima[j] - minima[j]);
            _offsets[j] = estimator.FeatureMin - minima[j] * _factors[j];
        }
    }

    public IReadOnlyList<double> DataMin => _minima;
    public IReadOnlyList<double> DataMax => _maxima;
    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features)
    {
        var estimator = (MinMaxScaler)Estimator;
        var columns = NumericInput.Columns(features, MinMaxScaler.Name);
        return ColumnScaling.MultiplyAdd(columns, _factors, _offsets, estimator.Clip ? (estimator.FeatureMin, estimator.FeatureMax) : null);
    }

    public override void Save(ModelWriter writer) => PerColumnState.Write(writer, ("minima", _minima), ("maxima", _maxima));

    public static MinMaxScalerModel Load(ModelReader reader)
    {
        var arrays = PerColumnState.Read(reader, MinMaxScaler.Name, "minima", "maxima");
        return new MinMaxScalerModel((MinMaxScaler)reader.Estimator, reader.Schema, arrays[0], arrays[1]);
    }
}
