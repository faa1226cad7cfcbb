using System.Numerics.Tensors;

namespace Kiln.Learn.Trees;

/// <summary>Runs rows down one or more trees in parallel blocks of rows, each block tree after tree so a tree's nodes stay in cache.</summary>
internal static class TreePrediction
{
    /// <summary>Row-major rows × classes: the mean over trees of each tree's leaf class fractions (soft voting).</summary>
    public static double[] ClassProbabilities(IReadOnlyList<FittedTree> trees, TreeInput x, int classCount)
    {
        var probabilities = new double[(long)x.RowCount * classCount];
        ForEachBlock(x, (start, count, block, leaves) =>
        {
            var width = x.FeatureCount;
            var output = probabilities.AsSpan(start * classCount, count * classCount);
            foreach (var tree in trees)
            {
                tree.LeavesOf(block, width, leaves);
                for (var i = 0; i < count; i++)
                {
                    var leaf = tree.ValueOf(leaves[i]);
                    var total = 0.0;
                    foreach (var weight in leaf) total += weight;
                    var row = output.Slice(i * classCount, classCount);
                    for (var c = 0; c < classCount; c++) row[c] += leaf[c] / total;
                }
            }
            if (trees.Count > 1) TensorPrimitives.Divide(output, trees.Count, output);
        });
        return probabilities;
    }

    /// <summary>The mean over trees of each tree's leaf value.</summary>
    public static double[] MeanValues(IReadOnlyList<FittedTree> trees, TreeInput x)
    {
        var predictions = new double[x.RowCount];
        ForEachBlock(x, (start, count, block, leaves) =>
        {
            var output = predictions.AsSpan(start, count);
            foreach (var tree in trees)
            {
                tree.LeavesOf(block, x.FeatureCount, leaves);
                for (var i = 0; i < count; i++) output[i] += tree.Value[leaves[i]];
            }
            if (trees.Count > 1) TensorPrimitives.Divide(output, trees.Count, output);
        });
        return predictions;
    }

    /// <summary>Work on one block: its first row, its row count, its values and room for one leaf per row.</summary>
    public delegate void BlockAction(int start, int count, ReadOnlySpan<float> block, Span<int> leaves);

    /// <summary>Hands each block of rows, read into a single-precision row-major buffer, to <paramref name="action"/>, blocks in parallel.</summary>
    public static void ForEachBlock(TreeInput x, BlockAction action)
    {
        var blocks = (x.RowCount + TreeInput.BlockRows - 1) / TreeInput.BlockRows;
        if (blocks == 1)
        {
            // one block (a served request's few rows) runs inline, with buffers sized to its rows, not a whole block's
            var block = new float[x.RowCount * x.FeatureCount];
            x.Fill(0, x.RowCount, block);
            action(0, x.RowCount, block, new int[x.RowCount]);
            return;
        }
        Parallel.For(0, blocks, () => (new float[TreeInput.BlockRows * x.FeatureCount], new int[TreeInput.BlockRows]), (b, _, buffers) =>
        {
            var start = b * TreeInput.BlockRows;
            var count = Math.Min(TreeInput.BlockRows, x.RowCount - start);
            x.Fill(start, count, buffers.Item1);
            action(start, count, buffers.Item1.AsSpan(0, count * x.FeatureCount), buffers.Item2.AsSpan(0, count));
            return buffers;
        }, _ => { });
    }
}
