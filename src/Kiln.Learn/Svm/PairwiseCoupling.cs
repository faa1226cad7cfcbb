namespace Kiln.Learn.Svm;

/// <summary>
/// Class probabilities from pairwise ones, rᵢⱼ ≈ P(i | i or j), by the second method of Wu, Lin &amp; Weng (2004):
/// minimise ½pᵀQp subject to Σp = 1, solved by libsvm's fixed-point iteration.
/// </summary>
internal static class PairwiseCoupling
{
    /// <param name="pairwise">k × k row-major, pairwise[i·k + j] = rᵢⱼ.</param>
    /// <param name="q">k × k scratch.</param>
    /// <param name="qp">k scratch.</param>
    public static void Couple(int k, ReadOnlySpan<double> pairwise, Span<double> probabilities, Span<double> q, Span<double> qp)
    {
        var maxIterations = Math.Max(100, k);
        var epsilon = 0.005 / k;
        for (var t = 0; t < k; t++)
        {
            probabilities[t] = 1.0 / k;
            q[t * k + t] = 0;
            for (var j = 0; j < t; j++)
            {
                q[t * k + t] += pairwise[j * k + t] * pairwise[j * k + t];
                q[t * k + j] = q[j * k + t];
            }
            for (var j = t + 1; j < k; j++)
            {
                q[t * k + t] += pairwise[j * k + t] * pairwise[j * k + t];
                q[t * k + j] = -pairwise[j * k + t] * pairwise[t * k + j];
            }
        }
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var pqp = 0.0;
            for (var t = 0; t < k; t++)
            {
                qp[t] = 0;
                for (var j = 0; j < k; j++) qp[t] += q[t * k + j] * probabilities[j];
                pqp += probabilities[t] * qp[t];
            }
            var maxError = 0.0;
            for (var t = 0; t < k; t++) maxError = Math.Max(maxError, Math.Abs(qp[t] - pqp));
            if (maxError < epsilon) break;
            for (var t = 0; t < k; t++)
            {
                var diff = (-qp[t] + pqp) / q[t * k + t];
                probabilities[t] += diff;
                pqp = (pqp + diff * (diff * q[t * k + t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (var j = 0; j < k; j++)
                {
                    qp[j] = (qp[j] + diff * q[t * k + j]) / (1 + diff);
                    probabilities[j] /= 1 + diff;
                }
            }
        }
    }
}
