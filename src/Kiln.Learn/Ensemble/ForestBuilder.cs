using Kiln.Learn.Trees;

namespace Kiln.Learn.Ensemble;

/// <summary>
/// Grows a forest's trees in parallel over the same binned features: each tree from its own seed draws its rows
/// (bootstrap counts become integer weights, as in scikit-learn) and then grows. Reports trees done and honours cancellation.
/// </summary>
internal static class ForestBuilder
{
    public static FittedTree[] Grow(BinnedFeatures bins, TreeTarget target, double[] weights, int[] rows, TreeGrowth growth,
        ForestPlan plan, FitContext context)
    {
        var trees = new FittedTree[plan.TreeCount];
        var done = 0;
        var options = new ParallelOptions { CancellationToken = context.Cancellation };
        context.Progress?.Report(new FitProgress("trees", 0, plan.TreeCount));
        try
        {
            Parallel.For(0, plan.TreeCount, options, () => new TreeScratch(), (t, _, scratch) =>
            {
                var random = new Random(plan.TreeSeed(t));
                var (treeWeights, treeRows) = TreeRows(plan, random, weights, rows, scratch);
                trees[t] = TreeBuilder.Grow(bins, target, treeWeights, treeRows, growth, unchecked((uint)plan.TreeSeed(t)), scratch, context.Cancellation);
                var finished = Interlocked.Increment(ref done);
                context.Progress?.Report(new FitProgress("trees", finished, plan.TreeCount));
                return scratch;
            }, _ => { });
        }
        catch (OperationCanceledException)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            throw;
        }
        return trees;
    }

    /// <summary>The rows a tree left out of its draw, regenerated from its seed as scikit-learn does for the out-of-bag score.</summary>
    public static bool[] OutOfBag(ForestPlan plan, int tree, int rowCount, int[] rows)
    {
        var counts = plan.Draws(new Random(plan.TreeSeed(tree)), rows.Length);
        var outside = new bool[rowCount];
        for (var i = 0; i < rows.Length; i++) outside[rows[i]] = counts[i] == 0;
        return outside;
    }

    /// <summary>The tree's rows and weights: every row, or the drawn ones weighted by how often they were drawn.</summary>
    static (double[] Weights, int[] Rows) TreeRows(ForestPlan plan, Random random, double[] weights, int[] rows, TreeScratch scratch)
    {
        if (!plan.Bootstrap) return (weights, rows);
        var counts = plan.Draws(random, rows.Length);
        // only the drawn rows' weights are ever read, so the reused array needs no clearing
        var treeWeights = scratch.Weights(weights.Length);
        var drawn = 0;
        foreach (var c in counts) if (c > 0) drawn++;
        var treeRows = new int[drawn];
        drawn = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (counts[i] == 0) continue;
            treeWeights[rows[i]] = weights[rows[i]] * counts[i];
            treeRows[drawn++] = rows[i];
        }
        return (treeWeights, treeRows);
    }
}
