using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Cleaning;

/// <summary>Lower and upper bounds per column, fitted on training data by an <see cref="OutlierMethod"/>; missing values are ignored.</summary>
internal sealed record OutlierBounds(double[] Lower, double[] Upper)
{
    public static OutlierBounds Fit(Float64Column[] columns, OutlierMethod method, double iqrFactor, double zThreshold)
    {
        var lower = new double[columns.Length];
        var upper = new double[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            if (method == OutlierMethod.Iqr)
            {
                var values = columns[j].Values;
                var (_, count) = MissingValues.PresentSum(values);
                var (q1, q3) = count == 0 ? (double.NaN, double.NaN) : MissingValues.WithPresent(values, count, Quartiles);
                var spread = iqrFactor * (q3 - q1);
                (lower[j], upper[j]) = (q1 - spread, q3 + spread);
            }
            else
            {
                var (mean, variance, _) = MissingValues.Moments(columns[j].Values);
                var spread = zThreshold * Math.Sqrt(variance);
                (lower[j], upper[j]) = (mean - spread, mean + spread);
            }
            // a column with no values has no bounds, so nothing in it is an outlier
            if (double.IsNaN(lower[j])) (lower[j], upper[j]) = (double.NegativeInfinity, double.PositiveInfinity);
        });
        return new OutlierBounds(lower, upper);
    }

    static (double First, double Third) Quartiles(double[] present, int count)
    {
        Span<double> quartiles = stackalloc double[2];
        Quantiles.Linear(present.AsSpan(0, count), [0.25, 0.75], quartiles);
        return (quartiles[0], quartiles[1]);
    }

    public void Save(ModelWriter writer)
    {
        writer.Write("lower", Lower);
        writer.Write("upper", Upper);
    }

    public static OutlierBounds Load(ModelReader reader, string estimator)
    {
        var lower = reader.ReadDoubles("lower");
        var upper = reader.ReadDoubles("upper");
        if (lower.Length != reader.Schema.Columns.Count || upper.Length != lower.Length)
            throw new InvalidDataException($"model package: {estimator} holds {lower.Length} bounds for {reader.Schema.Columns.Count} columns");
        return new OutlierBounds(lower, upper);
    }
}
