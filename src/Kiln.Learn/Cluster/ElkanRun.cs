using Kiln.Data;

namespace Kiln.Learn.Cluster;

/// <summary>
/// One k-means run by Elkan's algorithm (2003): an upper bound on each row's distance to its centre and a lower bound to
/// every other centre, kept valid by the triangle inequality, skip distances that cannot change a label.
/// </summary>
internal static class ElkanRun
{
    public static KMeansRuns.Run Fit(FeatureMatrix x, double[] start, int clusters, int maxIterations, double tolerance, double[]? weights,
        CancellationToken cancellation)
    {
        var (rows, width) = (x.RowCount, x.FeatureCount);
        var centres = (double[])start.Clone();
        var values = x.Memory;
        var labels = new long[rows];
        var upper = new double[rows];
        var lower = new double[rows * clusters];
        Parallel.For(0, rows, i =>
        {
            var row = values.Span.Slice(i * width, width);
            var (best, bestDistance) = (0, double.PositiveInfinity);
            for (var c = 0; c < clusters; c++)
            {
                var distance = Math.Sqrt(Centres.SquaredDistance(row, centres.AsSpan(c * width, width)));
                lower[i * clusters + c] = distance;
                if (distance < bestDistance) (best, bestDistance) = (c, distance);
            }
            labels[i] = best;
            upper[i] = bestDistance;
        });
        var between = new double[clusters * clusters];
        var halfNearest = new double[clusters];
        var sums = new double[clusters * width];
        var clusterWeights = new double[clusters];
        var shifts = new double[clusters];
        var previous = new long[rows];
        var iterations = 0;
        while (iterations < maxIterations)
        {
            cancellation.ThrowIfCancellationRequested();
            iterations++;
            labels.CopyTo(previous, 0);
            for (var c = 0; c < clusters; c++)
            {
                halfNearest[c] = double.PositiveInfinity;
                for (var d = 0; d < clusters; d++)
                {
                    between[c * clusters + d] = Math.Sqrt(Centres.SquaredDistance(centres.AsSpan(c * width, width), centres.AsSpan(d * width, width)));
                    if (d != c) halfNearest[c] = Math.Min(halfNearest[c], between[c * clusters + d] / 2);
                }
            }
            Parallel.For(0, rows, i => Tighten(values.Span.Slice(i * width, width), i, centres, clusters, between, halfNearest, labels, upper, lower));

            KMeansRuns.Sum(x, labels, weights, sums, clusterWeights);
            var squaredUpper = new double[rows];
            for (var i = 0; i < rows; i++) squaredUpper[i] = upper[i] * upper[i];
            KMeansRuns.RelocateEmpty(x, labels, squaredUpper, weights, sums, clusterWeights);
            double shift = 0;
            for (var c = 0; c < clusters; c++)
            {
                var centre = centres.AsSpan(c * width, width);
                double moved = 0;
                for (var j = 0; j < width; j++)
                {
                    var next = sums[c * width + j] / clusterWeights[c];
                    moved += (next - centre[j]) * (next - centre[j]);
                    centre[j] = next;
                }
                shifts[c] = Math.Sqrt(moved);
                shift += moved;
            }
            // moving the centres loosens the bounds by exactly how far each centre moved
            Parallel.For(0, rows, i =>
            {
                for (var c = 0; c < clusters; c++) lower[i * clusters + c] = Math.Max(lower[i * clusters + c] - shifts[c], 0);
                upper[i] += shifts[labels[i]];
            });
            if (iterations > 1 && labels.AsSpan().SequenceEqual(previous) || shift <= tolerance) break;
        }
        var distances = new double[rows];
        Centres.Assign(x, centres, clusters, labels, distances);
        return new KMeansRuns.Run(centres, labels, Centres.Inertia(distances, weights), iterations);
    }

    static void Tighten(ReadOnlySpan<double> row, int i, double[] centres, int clusters, double[] between, double[] halfNearest,
        long[] labels, double[] upper, double[] lower)
    {
        var width = row.Length;
        var own = (int)labels[i];
        if (upper[i] <= halfNearest[own]) return;
        var exact = false;
        for (var c = 0; c < clusters; c++)
        {
            if (c == own || upper[i] <= lower[i * clusters + c] || upper[i] <= between[own * clusters + c] / 2) continue;
            if (!exact)
            {
                upper[i] = Math.Sqrt(Centres.SquaredDistance(row, centres.AsSpan(own * width, width)));
                lower[i * clusters + own] = upper[i];
                exact = true;
                if (upper[i] <= lower[i * clusters + c] || upper[i] <= between[own * clusters + c] / 2) continue;
            }
            var distance = Math.Sqrt(Centres.SquaredDistance(row, centres.AsSpan(c * width, width)));
            lower[i * clusters + c] = distance;
            if (distance < upper[i])
            {
                own = c;
                upper[i] = distance;
            }
        }
        labels[i] = own;
    }
}
