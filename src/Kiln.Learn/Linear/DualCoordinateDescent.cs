using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// liblinear's dual coordinate descent for one L2-regularised binary SVM (Hsieh et al. 2008) with shrinking. The
/// intercept is a constant feature of 1 and so is penalised, as in liblinear and scikit-learn's LinearSVC.
/// </summary>
static class DualCoordinateDescent
{
    /// <summary>
    /// Solves for w (p weights, then the intercept) with labels ±1; a row's weight in <paramref name="sampleWeights"/>
    /// scales its C (liblinear's instance weights), and rows of weight 0 take no part. Returns the passes taken.
    /// </summary>
    public static int Solve(ReadOnlySpan<double> x, int n, int p, ReadOnlySpan<sbyte> y, double[]? sampleWeights, double c, SvmLoss loss, bool fitIntercept,
        double tol, int maxIter, RandomArrays random, Span<double> w, CancellationToken cancellation)
    {
        var bias = fitIntercept ? 1.0 : 0.0;
        var alpha = new double[n];
        var curvature = new double[n];
        // hinge bounds each dual variable by its C; squared hinge leaves it unbounded and adds 1/(2C) to the diagonal
        var diagonal = new double[n];
        var upper = new double[n];
        var index = new int[n];
        var used = 0;
        for (var i = 0; i < n; i++)
        {
            var rowC = c * (sampleWeights?[i] ?? 1);
            if (rowC == 0) continue;
            (diagonal[i], upper[i]) = loss == SvmLoss.Hinge ? (0.0, rowC) : (0.5 / rowC, double.PositiveInfinity);
            var row = x.Slice(i * p, p);
            curvature[i] = diagonal[i] + TensorPrimitives.Dot(row, row) + bias * bias;
            index[used++] = i;
        }
        w.Clear();
        var weights = w[..p];
        var (largestOld, smallestOld) = (double.PositiveInfinity, double.NegativeInfinity);
        var active = used;
        var iteration = 0;
        while (iteration < maxIter)
        {
            cancellation.ThrowIfCancellationRequested();
            var (largest, smallest) = (double.NegativeInfinity, double.PositiveInfinity);
            random.Shuffle(index.AsSpan(0, active));
            for (var s = 0; s < active; s++)
            {
                var i = index[s];
                var row = x.Slice(i * p, p);
                var gradient = y[i] * (TensorPrimitives.Dot(weights, row) + w[p] * bias) - 1 + alpha[i] * diagonal[i];
                var projected = 0.0;
                if (alpha[i] == 0)
                {
                    // shrinking: a variable at its bound whose gradient pushes it further out leaves the active set
                    if (gradient > largestOld) { (index[s], index[active - 1]) = (index[active - 1], index[s]); active--; s--; continue; }
                    if (gradient < 0) projected = gradient;
                }
                else if (alpha[i] == upper[i])
                {
                    if (gradient < smallestOld) { (index[s], index[active - 1]) = (index[active - 1], index[s]); active--; s--; continue; }
                    if (gradient > 0) projected = gradient;
                }
                else projected = gradient;
                largest = Math.Max(largest, projected);
                smallest = Math.Min(smallest, projected);
                if (Math.Abs(projected) <= 1e-12) continue;
                var old = alpha[i];
                alpha[i] = Math.Min(Math.Max(alpha[i] - gradient / curvature[i], 0), upper[i]);
                var step = (alpha[i] - old) * y[i];
                TensorPrimitives.MultiplyAdd(row, step, weights, weights);
                w[p] += step * bias;
            }
            iteration++;
            if (largest - smallest <= tol)
            {
                if (active == used) break;
                // converged on the shrunk problem: check once more on every variable
                active = used;
                (largestOld, smallestOld) = (double.PositiveInfinity, double.NegativeInfinity);
                continue;
            }
            largestOld = largest <= 0 ? double.PositiveInfinity : largest;
            smallestOld = smallest >= 0 ? double.NegativeInfinity : smallest;
        }
        return iteration;
    }
}
