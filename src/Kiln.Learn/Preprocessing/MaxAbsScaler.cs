using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>Divides each numeric column by its largest absolute value, so values land in [−1, 1] and zeros stay zero (scikit-learn's MaxAbsScaler).</summary>
[Estimator("max-abs-scaler", EstimatorRole.Transformer, "Scale numeric columns by their largest absolute value into [-1, 1]",
    Capabilities = [Capability.AllowsMissing])]
public sealed record MaxAbsScaler : Estimator<MaxAbsScalerModel>
{
    internal const string Name = "max-abs-scaler";

    protected override MaxAbsScalerModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, Name);
        var maxima = new double[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var max = 0.0;
            foreach (var v in columns[j].Values)
                if (Math.Abs(v) > max) max = Math.Abs(v); // NaN compares false, so missing values are skipped
            maxima[j] = max;
        });
        return new MaxAbsScalerModel(this, InputSchema.Of(features), maxima);
    }
}

/// <summary>A fitted <see cref="MaxAbsScaler"/>: each column's largest absolute value.</summary>
public sealed class MaxAbsScalerModel : TransformerModel
{
    readonly double[] _maxima;
    readonly double[] _divisors;

    internal MaxAbsScalerModel(MaxAbsScaler estimator, InputSchema schema, double[] maxima) : base(estimator, schema)
    {
        _maxima = maxima;
        _divisors = [.. maxima.Select(ColumnScaling.NonZero)];
    }

    public IReadOnlyList<double> MaxAbs => _maxima;
    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features) =>
        ColumnScaling.CentreAndDivide(NumericInput.Columns(features, MaxAbsScaler.Name), new double[_maxima.Length], _divisors);

    public override void Save(ModelWriter writer) => PerColumnState.Write(writer, ("maxima", _maxima));

    public static MaxAbsScalerModel Load(ModelReader reader) =>
        new((MaxAbsScaler)reader.Estimator, reader.Schema, PerColumnState.Read(reader, MaxAbsScaler.Name, "maxima")[0]);
}
