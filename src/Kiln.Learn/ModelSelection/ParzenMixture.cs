namespace Kiln.Learn.ModelSelection;

/// <summary>
/// A Parzen density on [low, high]: an equal-weight mixture of Gaussians truncated to the interval, one on each point
/// plus a wide prior one at the middle. Each point's width is the larger gap to its neighbours, clipped between the
/// range over min(100, n + 1) and the whole range (Hyperopt's rule).
/// </summary>
internal sealed class ParzenMixture
{
    readonly double _low, _high;
    readonly double[] _means, _widths, _masses;

    public ParzenMixture(double[] points, double low, double high)
    {
        (_low, _high) = (low, high);
        var range = high - low;
        var prior = (low + high) / 2;
        var sorted = points.Append(prior).Order().ToArray();
        var narrowest = range / Math.Min(100, points.Length + 1);
        _means = sorted;
        _widths = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var left = sorted[i] - (i > 0 ? sorted[i - 1] : low);
            var right = (i < sorted.Length - 1 ? sorted[i + 1] : high) - sorted[i];
            _widths[i] = Math.Clamp(Math.Max(left, right), narrowest, range);
        }
        // the prior keeps its full width wherever it sorted to
        var priorAt = Array.IndexOf(sorted, prior);
        _widths[priorAt] = range;
        _masses = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
            _masses[i] = Math.Max(NormalCdf((high - _means[i]) / _widths[i]) - NormalCdf((low - _means[i]) / _widths[i]), 1e-12);
    }

    /// <summary>A value from a component chosen at random, redrawn until inside the interval.</summary>
    public double Sample(Random random)
    {
        var k = random.Next(_means.Length);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            // Box–Muller
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            var x = _means[k] + _widths[k] * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
            if (x >= _low && x <= _high) return x;
        }
        return _low + random.NextDouble() * (_high - _low);
    }

    public double LogDensity(double x)
    {
        var total = 0.0;
        for (var k = 0; k < _means.Length; k++)
        {
            var z = (x - _means[k]) / _widths[k];
            total += Math.Exp(-0.5 * z * z) / (_widths[k] * Math.Sqrt(2 * Math.PI) * _masses[k]);
        }
        return Math.Log(Math.Max(total / _means.Length, double.Epsilon));
    }

    static double NormalCdf(double z) => 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(z / Math.Sqrt(2)));
}
