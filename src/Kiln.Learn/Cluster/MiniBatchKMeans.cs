using System.Numerics.Tensors;
using Kiln.Data;
using Kiln.Learn.Imbalance;

namespace Kiln.Learn.Cluster;

/// <summary>
/// k-means on random mini-batches (scikit-learn's MiniBatchKMeans, after Sculley 2010): each step moves the centres
/// towards a batch of rows by a per-centre learning rate, so large data are clustered in a fraction of Lloyd's time.
/// Stops after max-iter passes over the data or when the smoothed batch inertia stops improving; all draws are seeded.
/// </summary>
[Estimator("mini-batch-kmeans", EstimatorRole.Clusterer, "k-means on random mini-batches: nearly the same clusters, much faster on large data",
    Capabilities = [Capability.Randomized, Capability.SampleWeights])]
public sealed record MiniBatchKMeans : Estimator<KMeansModel>
{
    [Parameter("How many clusters; at most the number of rows", Min = 1)]
    public int NClusters { get; init; } = 8;

    [Parameter("How to choose the starting centres", Values = ["k-means++", "random"])]
    public string Init { get; init; } = "k-means++";

    [Parameter("Starts tried on a sample of rows; the one of lowest inertia on that sample is kept", Min = 1)]
    public int NInit { get; init; } = 3;

    [Parameter("Most passes over the data", Min = 1)]
    public int MaxIter { get; init; } = 100;

    [Parameter("Rows per mini-batch", Min = 1)]
    public int BatchSize { get; init; } = 1024;

    [Parameter("Stop when the centres move less than this, relative to the mean column variance; 0 turns it off", Min = 0)]
    public double Tol { get; init; }

    [Parameter("Stop after this many batches without a better smoothed inertia; 0 turns it off", Min = 0)]
    public int MaxNoImprovement { get; init; } = 10;

    [Parameter("A centre with less than this fraction of the largest centre's weight is moved to a random batch row", Min = 0)]
    public double ReassignmentRatio { get; init; } = 0.01;

    [Parameter("Seed for starts, batches and reassignments; the same seed gives the same clusters")]
    public long Seed { get; init; }

    protected override KMeansModel FitCore(Frame features, Column? target, FitContext context)
    {
        var x = NumericInput.Matrix(features, "mini-batch-kmeans");
        var (rows, width) = (x.RowCount, x.FeatureCount);
        KMeansRuns.RequireEnoughRows(NClusters, rows, "mini-batch-kmeans");
        var weights = context.SampleWeights;
        var random = new RandomArrays(Seed);
        var centres = BestStart(features, x, weights, random);

        var batchSize = Math.Min(BatchSize, rows);
        var steps = (int)Math.Min(int.MaxValue, (long)MaxIter * rows / batchSize);
        // tol 0 (the default) turns the check off, so the two passes over the data for its scale are skipped
        var tolerance = Tol > 0 ? Tol * KMeansRuns.MeanVariance(x) : 0;
        var alpha = Math.Min(1, batchSize * 2.0 / (rows + 1));
        var clusterWeights = new double[NClusters];
        var batchLabels = new int[batchSize];
        var batchDistances = new double[batchSize];
        var sums = new double[NClusters * width];
        var batchWeights = new double[NClusters];
        var (smoothed, bestSmoothed, stale, sinceReassign) = (double.NaN, double.PositiveInfinity, 0, 0);
        var iterations = 0;
        for (var step = 0; step < steps; step++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            iterations = step + 1;
            var batch = Draws.Integers(random, rows, batchSize);
            AssignBatch(x, batch, centres, batchLabels, batchDistances);
            double batchInertia = 0, batchTotal = 0;
            Array.Clear(sums);
            Array.Clear(batchWeights);
            for (var b = 0; b < batch.Length; b++)
            {
                var w = weights?[batch[b]] ?? 1;
                var nearest = batchLabels[b];
                batchInertia += w * batchDistances[b];
                batchTotal += w;
                batchWeights[nearest] += w;
                TensorPrimitives.MultiplyAdd(x.Row(batch[b]), w, sums.AsSpan(nearest * width, width), sums.AsSpan(nearest * width, width));
            }
            // each centre moves to the weighted mean of everything it has seen, so its learning rate falls as 1 / count
            double shift = 0;
            for (var c = 0; c < NClusters; c++)
            {
                if (batchWeights[c] == 0) continue;
                var total = clusterWeights[c] + batchWeights[c];
                var centre = centres.AsSpan(c * width, width);
                for (var j = 0; j < width; j++)
                {
                    var moved = (centre[j] * clusterWeights[c] + sums[c * width + j]) / total;
                    shift += (moved - centre[j]) * (moved - centre[j]);
                    centre[j] = moved;
                }
                clusterWeights[c] = total;
            }
            sinceReassign += batchSize;
            if (ReassignmentRatio > 0 && (Array.IndexOf(clusterWeights, 0.0) >= 0 || sinceReassign >= 10 * NClusters))
            {
                Reassign(x, batch, weights, centres, clusterWeights, random);
                sinceReassign = 0;
            }
            if (step % 100 == 0) context.Progress?.Report(new FitProgress("mini-batch steps", step + 1, steps));
            // as scikit-learn: the first batch's inertia belongs to the starting centres, so convergence is judged from the second on
            if (step == 0) continue;
            if (tolerance > 0 && shift <= tolerance) break;
            var mean = batchTotal > 0 ? batchInertia / batchTotal : 0;
            smoothed = double.IsNaN(smoothed) ? mean : smoothed * (1 - alpha) + mean * alpha;
            if (smoothed < bestSmoothed) (bestSmoothed, stale) = (smoothed, 0);
            else if (MaxNoImprovement > 0 && ++stale >= MaxNoImprovement) break;
        }
        var labels = new long[rows];
        var distances = new double[rows];
        Centres.Assign(x, centres, NClusters, labels, distances);
        return new KMeansModel(this, InputSchema.Of(features), centres, NClusters, Centres.Inertia(distances, weights), iterations);
    }

    /// <summary>The nearest centre of each batch row and its squared distance, the two halves of a large batch on both cores.</summary>
    static void AssignBatch(FeatureMatrix x, int[] batch, double[] centres, int[] labels, double[] distances)
    {
        var count = centres.Length / x.FeatureCount;
        var parts = batch.Length >= 512 ? 2 : 1;
        var values = x.Memory;
        var width = x.FeatureCount;
        Parallel.For(0, parts, part =>
        {
            var end = (part + 1) * batch.Length / parts;
            for (var b = part * batch.Length / parts; b < end; b++)
                (labels[b], distances[b]) = Centres.Nearest(values.Span.Slice(batch[b] * width, width), centres, count);
        });
    }

    /// <summary>The best of <see cref="NInit"/> starts, each seeded on its own random sample of 3 × batch-size rows and judged on a second.</summary>
    double[] BestStart(Frame features, FeatureMatrix x, double[]? weights, RandomArrays random)
    {
        var sampleSize = Math.Min(x.RowCount, Math.Max(3 * BatchSize, NClusters));
        var validationRows = Draws.Integers(random, x.RowCount, sampleSize);
        var validation = Sample(features, validationRows);
        var validationWeights = weights is null ? null : Array.ConvertAll(validationRows, i => weights[i]);
        double[]? best = null;
        var bestInertia = double.PositiveInfinity;
        for (var run = 0; run < NInit; run++)
        {
            var indices = sampleSize == x.RowCount ? null : Draws.Integers(random, x.RowCount, sampleSize);
            var sample = indices is null ? x : Sample(features, indices);
            var sampleWeights = indices is null ? weights : null;
            var start = KMeansRuns.Start(sample, NClusters, Init, sampleWeights, random);
            var labels = new long[validation.RowCount];
            var distances = new double[validation.RowCount];
            Centres.Assign(validation, start, NClusters, labels, distances);
            var inertia = Centres.Inertia(distances, validationWeights);
            if (inertia < bestInertia) (best, bestInertia) = (start, inertia);
        }
        return best!;
    }

    static FeatureMatrix Sample(Frame features, int[] rows)
    {
        var columns = new Column[features.ColumnCount];
        for (var j = 0; j < columns.Length; j++) columns[j] = features[j].Take(rows);
        return NumericInput.Matrix(new Frame(columns), "mini-batch-kmeans");
    }

    /// <summary>Moves centres that have gathered almost no weight onto random rows of the batch, so no centre stays dead.</summary>
    void Reassign(FeatureMatrix x, int[] batch, double[]? weights, double[] centres, double[] clusterWeights, RandomArrays random)
    {
        double largest = 0;
        foreach (var w in clusterWeights) largest = Math.Max(largest, w);
        var small = new List<int>();
        for (var c = 0; c < clusterWeights.Length; c++)
            if (clusterWeights[c] < ReassignmentRatio * largest) small.Add(c);
        var limit = (int)(0.5 * batch.Length);
        if (small.Count > limit) small.RemoveRange(limit, small.Count - limit);
        if (small.Count == 0) return;
        var order = (int[])batch.Clone();
        random.Shuffle<int>(order);
        var width = x.FeatureCount;
        var next = 0;
        var smallest = double.PositiveInfinity;
        for (var c = 0; c < clusterWeights.Length; c++)
            if (!small.Contains(c)) smallest = Math.Min(smallest, clusterWeights[c]);
        foreach (var c in small)
        {
            while (next < order.Length && (weights?[order[next]] ?? 1) == 0) next++;
            if (next == order.Length) return;
            x.Row(order[next++]).CopyTo(centres.AsSpan(c * width, width));
            // a reassigned centre starts with the weight of the lightest kept centre, as scikit-learn does, so it can still move
            clusterWeights[c] = double.IsFinite(smallest) ? smallest : 0;
        }
    }
}
