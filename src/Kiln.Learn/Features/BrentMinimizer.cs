namespace Kiln.Learn.Features;

/// <summary>
/// SciPy's <c>optimize.brent</c> (bracket search from two points, then Brent's parabolic/golden-section search with
/// xtol 1.48e-8), step for step, so that maximum-likelihood lambdas agree with scikit-learn's.
/// </summary>
internal static class BrentMinimizer
{
    const double Golden = 1.618034;
    const double VerySmall = 1e-21;
    const double GrowLimit = 110.0;
    const double Tolerance = 1.48e-8;
    const double MinTolerance = 1.0e-11;
    const double GoldenShrink = 0.3819660;
    const int MaxIterations = 500;
    const int MaxBracketIterations = 1000;

    public static double Minimize(Func<double, double> f, double start, double end)
    {
        var (xa, xb, xc, _, fb, _) = Bracket(f, start, end);
        double x = xb, w = xb, v = xb;
        double fx = fb, fw = fb, fv = fb;
        var (a, b) = xa < xc ? (xa, xc) : (xc, xa);
        double deltax = 0, rat = 0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var tol1 = Tolerance * Math.Abs(x) + MinTolerance;
            var tol2 = 2.0 * tol1;
            var xmid = 0.5 * (a + b);
            if (Math.Abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
            if (Math.Abs(deltax) <= tol1)
            {
                deltax = x >= xmid ? a - x : b - x;
                rat = GoldenShrink * deltax;
            }
            else
            {
                var tmp1 = (x - w) * (fx - fv);
                var tmp2 = (x - v) * (fx - fw);
                var p = (x - v) * tmp2 - (x - w) * tmp1;
                tmp2 = 2.0 * (tmp2 - tmp1);
                if (tmp2 > 0.0) p = -p;
                tmp2 = Math.Abs(tmp2);
                var previousStep = deltax;
                deltax = rat;
                if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.Abs(p) < Math.Abs(0.5 * tmp2 * previousStep))
                {
                    rat = p / tmp2;
                    var trial = x + rat;
                    if (trial - a < tol2 || b - trial < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
                }
                else
                {
                    deltax = x >= xmid ? a - x : b - x;
                    rat = GoldenShrink * deltax;
                }
            }
            var u = Math.Abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
            var fu = f(u);
            if (fu > fx)
            {
                if (u < x) a = u;
                else b = u;
                if (fu <= fw || w == x)
                {
                    (v, w, fv, fw) = (w, u, fw, fu);
                }
                else if (fu <= fv || v == x || v == w)
                {
                    (v, fv) = (u, fu);
                }
            }
            else
            {
                if (u >= x) a = x;
                else b = x;
                (v, w, x, fv, fw, fx) = (w, x, u, fw, fx, fu);
            }
        }
        return x;
    }

    /// <summary>SciPy's <c>optimize.bracket</c>: walks downhill from two points until three points bracket a minimum.</summary>
    static (double Xa, double Xb, double Xc, double Fa, double Fb, double Fc) Bracket(Func<double, double> f, double xa, double xb)
    {
        var fa = f(xa);
        var fb = f(xb);
        if (fa < fb) (xa, xb, fa, fb) = (xb, xa, fb, fa);
        var xc = xb + Golden * (xb - xa);
        var fc = f(xc);
        var iteration = 0;
        while (fc < fb)
        {
            var tmp1 = (xb - xa) * (fb - fc);
            var tmp2 = (xb - xc) * (fb - fa);
            var value = tmp2 - tmp1;
            var denominator = Math.Abs(value) < VerySmall ? 2.0 * VerySmall : 2.0 * value;
            var w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denominator;
            var wlim = xb + GrowLimit * (xc - xb);
            if (iteration++ > MaxBracketIterations)
                throw new ArithmeticException("the likelihood has no minimum the bracket search could find");
            double fw;
            if ((w - xc) * (xb - w) > 0.0)
            {
                fw = f(w);
                if (fw < fc) return (xb, w, xc, fb, fw, fc);
                if (fw > fb) return (xa, xb, w, fa, fb, fw);
                w = xc + Golden * (xc - xb);
                fw = f(w);
            }
            else if ((w - wlim) * (wlim - xc) >= 0.0)
            {
                w = wlim;
                fw = f(w);
            }
            else if ((w - wlim) * (xc - w) > 0.0)
            {
                fw = f(w);
                if (fw < fc)
                {
                    xb = xc;
                    xc = w;
                    w = xc + Golden * (xc - xb);
                    fb = fc;
                    fc = fw;
                    fw = f(w);
                }
            }
            else
            {
                w = xc + Golden * (xc - xb);
                fw = f(w);
            }
            (xa, xb, xc, fa, fb, fc) = (xb, xc, w, fb, fc, fw);
        }
        return (xa, xb, xc, fa, fb, fc);
    }
}
