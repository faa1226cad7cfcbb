using System.Numerics.Tensors;
using Kiln.Learn.Neighbors;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// Exact k-nearest-neighbour search by Euclidean distance over row-major rows, spread over cores in blocks of
/// query rows, each block checking for cancellation and reporting progress. Ties go to the earlier candidate.
/// </summary>
internal static class NearestNeighbours
{
    const int Block = 64;

    /// <summary>
    /// For each query row, the <paramref name="k"/> nearest candidate rows other than itself, nearest first:
    /// <c>result[q * k + j]</c> is a row index into <paramref name="rows"/>.
    /// </summary>
    public static int[] Find(NumericRows rows, int[] queries, int[] candidates, int k, FitContext context, string stage)
    {
        var result = new int[queries.Length * k];
        var blocks = (queries.Length + Block - 1) / Block;
        long done = 0;
        var options = new ParallelOptions { CancellationToken = context.Cancellation };
        Parallel.For(0, blocks, options, () => (new double[k], new int[k]), (block, _, scratch) =>
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var (distances, nearest) = scratch;
            var end = Math.Min(queries.Length, (block + 1) * Block);
            for (var q = block * Block; q < end; q++)
            {
                Nearest(rows, queries[q], candidates, distances, nearest);
                nearest.CopyTo(result, q * k);
            }
            var finished = Interlocked.Add(ref done, end - block * Block);
            context.Progress?.Report(new FitProgress(stage, finished, queries.Length));
            return scratch;
        }, _ => { });
        return result;
    }

    /// <summary>Keeps the k smallest distances sorted by insertion; k is small, so this beats a heap.</summary>
    static void Nearest(NumericRows rows, int query, int[] candidates, double[] distances, int[] nearest)
    {
        distances.AsSpan().Fill(double.PositiveInfinity);
        nearest.AsSpan().Fill(-1);
        var point = rows.Row(query);
        foreach (var candidate in candidates)
            if (candidate != query)
                NeighborSearch.Offer(TensorPrimitives.Distance(point, rows.Row(candidate)), candidate, distances, nearest);
    }
}
