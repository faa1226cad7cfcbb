using Kiln.Data;

namespace Kiln.Learn.Metrics;

/// <summary>The scores <c>kiln evaluate</c> reports for a regressor: MSE, RMSE, MAE and R², as scikit-learn computes them.</summary>
public sealed record RegressionScores(int Rows, double MeanSquaredError, double RootMeanSquaredError, double MeanAbsoluteError, double R2)
{
    public static RegressionScores Of(Column actual, Column predicted)
    {
        if (actual.Length != predicted.Length)
            throw new ArgumentException($"{actual.Length} true values but {predicted.Length} predictions", nameof(predicted));
        if (!actual.Type.IsNumeric())
            throw new ArgumentException($"the target '{actual.Name}' is {actual.Type.Name()}, not numeric", nameof(actual));
        var y = actual.AsFloat64().Values;
        var p = predicted.AsFloat64().Values;
        for (var i = 0; i < y.Length; i++)
            if (double.IsNaN(y[i]))
                throw new ArgumentException($"the true values in '{actual.Name}' are missing at row {i}", nameof(actual));
        double squares = 0, absolute = 0, mean = 0;
        for (var i = 0; i < y.Length; i++) mean += y[i];
        mean /= Math.Max(1, y.Length);
        double total = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var error = y[i] - p[i];
            squares += error * error;
            absolute += Math.Abs(error);
            total += (y[i] - mean) * (y[i] - mean);
        }
        var n = Math.Max(1, y.Length);
        // scikit-learn: R² is 1 for a perfect fit of a constant target and 0 for an imperfect one
        var r2 = total == 0 ? (squares == 0 ? 1 : 0) : 1 - squares / total;
        return new RegressionScores(y.Length, squares / n, Math.Sqrt(squares / n), absolute / n, r2);
    }
}
