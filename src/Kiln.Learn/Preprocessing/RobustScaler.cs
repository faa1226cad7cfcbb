using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Centres each numeric column on its median and divides by its interquartile range (or another quantile range),
/// so outliers sway the scaling little (scikit-learn's RobustScaler). Missing values are ignored when fitting and kept.
/// </summary>
[Estimator("robust-scaler", EstimatorRole.Transformer, "Scale numeric columns by median and interquartile range, robust to outliers",
    Capabilities = [Capability.AllowsMissing])]
public sealed record RobustScaler : Estimator<RobustScalerModel>
{
    internal const string Name = "robust-scaler";

    [Parameter("Subtract each column's median")]
    public bool WithCentering { get; init; } = true;

    [Parameter("Divide by each column's quantile range")]
    public bool WithScaling { get; init; } = true;

    [Parameter("Lower percentile of the range to scale by", Min = 0, Max = 100)]
    public double QuantileMin { get; init; } = 25;

    [Parameter("Upper percentile of the range to scale by", Min = 0, Max = 100)]
    public double QuantileMax { get; init; } = 75;

    protected override RobustScalerModel FitCore(Frame features, Column? target, FitContext context)
    {
        if (!(QuantileMin < QuantileMax))
            throw new ArgumentException($"{Name}: parameter 'quantile-min' ({QuantileMin}) must be below 'quantile-max' ({QuantileMax})", nameof(QuantileMin));
        var columns = NumericInput.Columns(features, Name);
        var centres = new double[columns.Length];
        var scales = new double[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var (_, count) = MissingValues.PresentSum(columns[j].Values);
            // a column with no values keeps its NaNs: centre 0, scale 1
            if (count == 0) { scales[j] = 1; return; }
            (centres[j], scales[j]) = MissingValues.WithPresent(columns[j].Values, count, (present, n) =>
            {
                var values = present.AsSpan(0, n);
                var centre = WithCentering ? Quantiles.Median(values) : 0;
                if (!WithScaling) return (centre, 1.0);
                Span<double> range = stackalloc double[2];
                Quantiles.Linear(values, [QuantileMin / 100, QuantileMax / 100], range);
                return (centre, ColumnScaling.NonZero(range[1] - range[0]));
            });
        });
        return new RobustScalerModel(this, InputSchema.Of(features), centres, scales);
    }
}

/// <summary>A fitted <see cref="RobustScaler"/>: each column's centre (median) and scale (quantile range).</summary>
public sealed class RobustScalerModel : TransformerModel
{
    readonly double[] _centres;
    readonly double[] _scales;

    internal RobustScalerModel(RobustScaler estimator, InputSchema schema, double[] centres, double[] scales) : base(estimator, schema)
    {
        _centres = centres;
        _scales = scales;
    }

    public IReadOnlyList<double> Centres => _centres;
    public IReadOnlyList<double> Scales => _scales;
    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features) =>
        ColumnScaling.CentreAndDivide(NumericInput.Columns(features, RobustScaler.Name), _centres, _scales);

    public override void Save(ModelWriter writer) => PerColumnState.Write(writer, ("centres", _centres), ("scales", _scales));

    public static RobustScalerModel Load(ModelReader reader)
    {
        var arrays = PerColumnState.Read(reader, RobustScaler.Name, "centres", "scales");
        return new RobustScalerModel((RobustScaler)reader.Estimator, reader.Schema, arrays[0], arrays[1]);
    }
}
