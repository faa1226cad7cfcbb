using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Features;

/// <summary>
/// Drops numeric columns whose variance (population, missing values ignored) is not above a threshold, as
/// scikit-learn's VarianceThreshold; at threshold 0 a column is dropped exactly when all its values are equal.
/// </summary>
[Estimator("variance-threshold", EstimatorRole.Transformer, "Drop numeric columns whose variance is at or below a threshold",
    Capabilities = [Capability.AllowsMissing])]
public sealed record VarianceThreshold : Estimator<VarianceThresholdModel>
{
    [Parameter("Keep columns whose variance is above this", Min = 0)]
    public double Threshold { get; init; }

    protected override VarianceThresholdModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "variance-threshold");
        var variances = new double[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var values = columns[j].Values;
            var (_, variance, _) = MissingValues.Moments(values);
            // scikit-learn uses the range at threshold 0, since rounding can leave a constant column a tiny variance
            if (Threshold == 0 && !double.IsNaN(variance) && Range(values) == 0) variance = 0;
            variances[j] = variance;
        });
        var selected = new List<int>();
        for (var j = 0; j < variances.Length; j++) if (variances[j] > Threshold) selected.Add(j);
        if (selected.Count == 0)
            throw new ArgumentException(
                $"variance-threshold: no column has a variance above {Threshold} (largest: {MaxOf(variances)}); lower parameter 'threshold'", "threshold");
        return new VarianceThresholdModel(this, InputSchema.Of(features), [.. selected], variances);
    }

    static double Range(ReadOnlySpan<double> values)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
        return high - low;
    }

    static double MaxOf(double[] values)
    {
        var max = double.NaN;
        foreach (var v in values) if (!double.IsNaN(v) && !(v <= max)) max = v;
        return max;
    }
}

/// <summary>A fitted <see cref="VarianceThreshold"/>: each column's variance and the columns kept.</summary>
public sealed class VarianceThresholdModel : ColumnSelectionModel
{
    readonly double[] _variances;

    internal VarianceThresholdModel(VarianceThreshold estimator, InputSchema schema, int[] selected, double[] variances)
        : base(estimator, schema, selected) => _variances = variances;

    /// <summary>Each input column's variance (NaN for a column with no values).</summary>
    public IReadOnlyList<double> Variances => _variances;

    public override void Save(ModelWriter writer) => WriteState(writer, "variances", _variances);

    public static VarianceThresholdModel Load(ModelReader reader)
    {
        var (selected, variances) = ReadState(reader, "variance-threshold", "variances");
        return new VarianceThresholdModel((VarianceThreshold)reader.Estimator, reader.Schema, selected, variances);
    }
}
