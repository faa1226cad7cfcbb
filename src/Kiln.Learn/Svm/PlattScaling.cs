namespace Kiln.Learn.Svm;

/// <summary>
/// Platt's sigmoid P(y = +1 | f) = 1 / (1 + exp(A·f + B)) fitted to decision values f by Newton's method with
/// backtracking, on Platt's smoothed targets (Lin, Lin &amp; Weng 2007), as libsvm's sigmoid_train.
/// </summary>
internal static class PlattScaling
{
    public static (double A, double B) Fit(ReadOnlySpan<double> decisions, ReadOnlySpan<sbyte> y)
    {
        const int maxIterations = 100;
        const double minimumStep = 1e-10, sigma = 1e-12, epsilon = 1e-5;
        var (positives, negatives) = (0, 0);
        foreach (var label in y) if (label > 0) positives++; else negatives++;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1 / (negatives + 2.0);
        var targets = new double[decisions.Length];
        for (var i = 0; i < targets.Length; i++) targets[i] = y[i] > 0 ? high : low;
        var a = 0.0;
        var b = Math.Log((negatives + 1.0) / (positives + 1.0));
        var value = Objective(decisions, targets, a, b);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (var i = 0; i < decisions.Length; i++)
            {
                var fApB = decisions[i] * a + b;
                double p, q;
                if (fApB >= 0)
                {
                    var e = Math.Exp(-fApB);
                    (p, q) = (e / (1 + e), 1 / (1 + e));
                }
                else
                {
                    var e = Math.Exp(fApB);
                    (p, q) = (1 / (1 + e), e / (1 + e));
                }
                var d2 = p * q;
                h11 += decisions[i] * decisions[i] * d2;
                h22 += d2;
                h21 += decisions[i] * d2;
                var d1 = targets[i] - p;
                g1 += decisions[i] * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < epsilon && Math.Abs(g2) < epsilon) break;
            var determinant = h11 * h22 - h21 * h21;
            var dA = -(h22 * g1 - h21 * g2) / determinant;
            var dB = -(-h21 * g1 + h11 * g2) / determinant;
            var gd = g1 * dA + g2 * dB;
            var step = 1.0;
            while (step >= minimumStep)
            {
                var (newA, newB) = (a + step * dA, b + step * dB);
                var newValue = Objective(decisions, targets, newA, newB);
                if (newValue < value + 0.0001 * step * gd)
                {
                    (a, b, value) = (newA, newB, newValue);
                    break;
                }
                step /= 2;
            }
            if (step < minimumStep) break;
        }
        return (a, b);
    }

    /// <summary>P(y = +1) for decision value f, computed without overflow on either side.</summary>
    public static double Predict(double decision, double a, double b)
    {
        var fApB = decision * a + b;
        return fApB >= 0 ? Math.Exp(-fApB) / (1 + Math.Exp(-fApB)) : 1 / (1 + Math.Exp(fApB));
    }

    static double Objective(ReadOnlySpan<double> decisions, double[] targets, double a, double b)
    {
        var value = 0.0;
        for (var i = 0; i < decisions.Length; i++)
        {
            var fApB = decisions[i] * a + b;
            value += fApB >= 0 ? targets[i] * fApB + Math.Log(1 + Math.Exp(-fApB)) : (targets[i] - 1) * fApB + Math.Log(1 + Math.Exp(fApB));
        }
        return value;
    }
}
