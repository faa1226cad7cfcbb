namespace Kiln.Learn.Features;

/// <summary>Functions the runtime lacks or computes imprecisely near zero (its LogP1 and ExpM1 add or subtract 1 first).</summary>
internal static class SpecialFunctions
{
    /// <summary>log(1 + x) accurate for tiny x (Goldberg's correction of the rounded 1 + x).</summary>
    public static double Log1p(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsInfinity(u)) return u;
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) − 1 accurate for tiny x (Kahan's correction of the rounded exp).</summary>
    public static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0) return x;
        var um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        if (double.IsInfinity(u)) return u;
        return um1 * x / Math.Log(u);
    }

    /// <summary>The digamma function ψ(x) for x &gt; 0: recurrence up to 10, then the asymptotic series.</summary>
    public static double Digamma(double x)
    {
        double result = 0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }
        var f = 1 / (x * x);
        var series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
        return result + Math.Log(x) - 0.5 / x - series;
    }
}
