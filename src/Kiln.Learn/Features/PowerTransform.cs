using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>The Yeo–Johnson and Box–Cox transforms and their maximum-likelihood lambdas, as scikit-learn and SciPy define them.</summary>
internal static class PowerTransform
{
    /// <summary>NumPy's spacing(1.0): how close lambda must be to 0 or 2 to take the logarithmic branch.</summary>
    const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>NumPy's finfo(float64).tiny, the smallest normal double.</summary>
    const double SmallestNormal = 2.2250738585072014e-308;

    public static void RequirePositive(Float64Column column)
    {
        var values = column.Values;
        for (var i = 0; i < values.Length; i++)
            if (values[i] <= 0)
                throw new ArgumentException(
                    $"power-transformer: box-cox needs strictly positive values but column '{column.Name}' holds {values[i]} at row {i}; use method yeo-johnson for zero or negative values");
    }

    public static void Apply(PowerMethod method, double lambda, ReadOnlySpan<double> values, Span<double> result)
    {
        if (method == PowerMethod.BoxCox)
            for (var i = 0; i < values.Length; i++) result[i] = BoxCox(values[i], lambda);
        else
            for (var i = 0; i < values.Length; i++) result[i] = YeoJohnson(values[i], lambda);
    }

    /// <summary>SciPy's special.boxcox: log(x) for lambda ≈ 0, else expm1(lambda·log x)/lambda.</summary>
    public static double BoxCox(double x, double lambda) =>
        Math.Abs(lambda) < 1e-19 ? Math.Log(x) : SpecialFunctions.Expm1(lambda * Math.Log(x)) / lambda;

    public static double YeoJohnson(double x, double lambda)
    {
        if (double.IsNaN(x)) return x;
        if (x >= 0)
            return Math.Abs(lambda) < MachineEpsilon
                ? SpecialFunctions.Log1p(x)
                : (Math.Pow(x + 1, lambda) - 1) / lambda;
        return Math.Abs(lambda - 2) > MachineEpsilon
            ? -(Math.Pow(-x + 1, 2 - lambda) - 1) / (2 - lambda)
            : -SpecialFunctions.Log1p(-x);
    }

    public static double YeoJohnsonLambda(double[] values)
    {
        if (values.Length == 0) return 1;
        double signedLogs = 0;
        foreach (var x in values) signedLogs += Math.Sign(x) * SpecialFunctions.Log1p(Math.Abs(x));
        var transformed = new double[values.Length];
        double NegativeLogLikelihood(double lambda)
        {
            for (var i = 0; i < values.Length; i++) transformed[i] = YeoJohnson(values[i], lambda);
            var variance = Variance(transformed);
            // scikit-learn rejects a variance that would underflow the log
            if (variance < SmallestNormal) return double.PositiveInfinity;
            return values.Length / 2.0 * Math.Log(variance) - (lambda - 1) * signedLogs;
        }
        return BrentMinimizer.Minimize(NegativeLogLikelihood, -2, 2);
    }

    /// <summary>SciPy's boxcox_normmax(method='mle'): minimises the negative of boxcox_llf.</summary>
    public static double BoxCoxLambda(double[] values)
    {
        if (values.Length == 0) return 1;
        var logs = new double[values.Length];
        double logSum = 0;
        for (var i = 0; i < values.Length; i++) logSum += logs[i] = Math.Log(values[i]);
        var scaled = new double[values.Length];
        double NegativeLogLikelihood(double lambda)
        {
            double variance;
            if (lambda == 0) variance = Variance(logs);
            else
            {
                // without the -1/lambda offset, which leaves the variance alone but would lose precision
                for (var i = 0; i < values.Length; i++) scaled[i] = Math.Pow(values[i], lambda) / lambda;
                variance = Variance(scaled);
            }
            return -((lambda - 1) * logSum - values.Length / 2.0 * Math.Log(variance));
        }
        return BrentMinimizer.Minimize(NegativeLogLikelihood, -2, 2);
    }

    static double Variance(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        return squares / values.Length;
    }
}
