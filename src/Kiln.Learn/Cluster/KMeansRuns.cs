using Kiln.Data;

namespace Kiln.Learn.Cluster;

/// <summary>One k-means run from a start to convergence (Lloyd's algorithm, as scikit-learn's _kmeans_single_lloyd), and the checks runs share.</summary>
internal static class KMeansRuns
{
    public sealed record Run(double[] Centres, long[] Labels, double Inertia, int Iterations);

    public static void RequireEnoughRows(int clusters, int rows, string estimator)
    {
        if (clusters > rows)
            throw new ArgumentException($"{estimator}: n-clusters is {clusters} but there are only {rows} rows; choose at most {rows} clusters", "NClusters");
    }

    /// <summary>The mean of the columns' variances, which scales tol so it does not depend on the data's units.</summary>
    public static double MeanVariance(FeatureMatrix x)
    {
        var (rows, width) = (x.RowCount, x.FeatureCount);
        var means = new double[width];
        var squares = new double[width];
        for (var i = 0; i < rows; i++)
        {
            var row = x.Row(i);
            for (var j = 0; j < width; j++) means[j] += row[j];
        }
        for (var j = 0; j < width; j++) means[j] /= rows;
        for (var i = 0; i < rows; i++)
        {
            var row = x.Row(i);
            for (var j = 0; j < width; j++) squares[j] += (row[j] - means[j]) * (row[j] - means[j]);
        }
        double total = 0;
        for (var j = 0; j < width; j++) total += squares[j] / rows;
        return total / width;
    }

    public static double[] Start(FeatureMatrix x, int clusters, string init, double[]? weights, RandomArrays random) =>
        init == "random" ? Centres.RandomRows(x, clusters, weights, random) : Centres.PlusPlus(x, clusters, weights, random);

    public static Run Lloyd(FeatureMatrix x, double[] start, int clusters, int maxIterations, double tolerance, double[]? weights,
        CancellationToken cancellation)
    {
        var (rows, width) = (x.RowCount, x.FeatureCount);
        var centres = (double[])start.Clone();
        var labels = new long[rows];
        var previous = new long[rows];
        Array.Fill(previous, -1);
        var distances = new double[rows];
        var sums = new double[clusters * width];
        var clusterWeights = new double[clusters];
        var iterations = 0;
        while (iterations < maxIterations)
        {
            cancellation.ThrowIfCancellationRequested();
            iterations++;
            Centres.Assign(x, centres, clusters, labels, distances);
            Sum(x, labels, weights, sums, clusterWeights);
            RelocateEmpty(x, labels, distances, weights, sums, clusterWeights);
            double shift = 0;
            for (var c = 0; c < clusters; c++)
            {
                var centre = centres.AsSpan(c * width, width);
                var sum = sums.AsSpan(c * width, width);
                for (var j = 0; j < width; j++)
                {
                    var moved = sum[j] / clusterWeights[c];
                    shift += (moved - centre[j]) * (moved - centre[j]);
                    centre[j] = moved;
                }
            }
            if (labels.AsSpan().SequenceEqual(previous) || shift <= tolerance) break;
            labels.CopyTo(previous, 0);
        }
        // one last assignment, so labels and inertia belong to the final centres
        Centres.Assign(x, centres, clusters, labels, distances);
        return new Run(centres, labels, Centres.Inertia(distances, weights), iterations);
    }

    public static void Sum(FeatureMatrix x, long[] labels, double[]? weights, double[] sums, double[] clusterWeights)
    {
        var width = x.FeatureCount;
        Array.Clear(sums);
        Array.Clear(clusterWeights);
        for (var i = 0; i < labels.Length; i++)
        {
            var w = weights?[i] ?? 1;
            var c = (int)labels[i];
            clusterWeights[c] += w;
            var sum = sums.AsSpan(c * width, width);
            var row = x.Row(i);
            for (var j = 0; j < width; j++) sum[j] += w * row[j];
        }
    }

    /// <summary>An empty cluster takes the row farthest from its centre, as scikit-learn relocates them, so no centre is lost.</summary>
    public static void RelocateEmpty(FeatureMatrix x, long[] labels, double[] distances, double[]? weights, double[] sums, double[] clusterWeights)
    {
        var width = x.FeatureCount;
        int[]? farthest = null;
        var next = 0;
        for (var c = 0; c < clusterWeights.Length; c++)
        {
            if (clusterWeights[c] > 0) continue;
            if (farthest is null)
            {
                farthest = new int[labels.Length];
                for (var i = 0; i < farthest.Length; i++) farthest[i] = i;
                var keys = (double[])distances.Clone();
                Array.Sort(keys, farthest);
                Array.Reverse(farthest);
            }
            // a row of no weight cannot fill a cluster, and the last row of a cluster cannot leave it
            while (next < farthest.Length && (weights?[farthest[next]] ?? 1) is var weight
                   && (weight == 0 || clusterWeights[labels[farthest[next]]] - weight <= 0)) next++;
            if (next == farthest.Length) return;
            var row = farthest[next++];
            var w = weights?[row] ?? 1;
            var from = (int)labels[row];
            var values = x.Row(row);
            var source = sums.AsSpan(from * width, width);
            var destination = sums.AsSpan(c * width, width);
            for (var j = 0; j < width; j++)
            {
                source[j] -= w * values[j];
                destination[j] = w * values[j];
            }
            clusterWeights[from] -= w;
            clusterWeights[c] = w;
        }
    }
}
