using Kiln.Data;

namespace Kiln.Learn.Trees;

/// <summary>Runs rows down one or more trees in parallel blocks of rows, each block tree after tree so a tree's nodes stay in cache.</summary>
internal static class TreePrediction
{
    const int BlockRows = 512;

    /// <summary>Row-major rows × classes: the mean over trees of each tree's leaf class fractions (soft voting).</summary>
    public static double[] ClassProbabilities(IReadOnlyList<FittedTree> trees, FeatureMatrix x, int classCount)
    {
        var rows = x.RowCount;
        var probabilities = new double[(long)rows * classCount];
        var values = x.Memory;
        var width = x.FeatureCount;
        Parallel.For(0, (rows + BlockRows - 1) / BlockRows, block =>
        {
            var all = values.Span;
            int start = block * BlockRows, end = Math.Min(rows, start + BlockRows);
            foreach (var tree in trees)
                for (var i = start; i < end; i++)
                {
                    var leaf = tree.ValueOf(tree.LeafOf(all.Slice(i * width, width)));
                    var total = 0.0;
                    foreach (var count in leaf) total += count;
                    var row = probabilities.AsSpan(i * classCount, classCount);
                    for (var c = 0; c < classCount; c++) row[c] += leaf[c] / total;
                }
            if (trees.Count > 1)
                System.Numerics.Tensors.TensorPrimitives.Divide(probabilities.AsSpan(start * classCount, (end - start) * classCount), trees.Count,
                    probabilities.AsSpan(start * classCount, (end - start) * classCount));
        });
        return probabilities;
    }

    /// <summary>The mean over trees of each tree's leaf value.</summary>
    public static double[] MeanValues(IReadOnlyList<FittedTree> trees, FeatureMatrix x)
    {
        var rows = x.RowCount;
        var predictions = new double[rows];
        var values = x.Memory;
        var width = x.FeatureCount;
        Parallel.For(0, (rows + BlockRows - 1) / BlockRows, block =>
        {
            var all = values.Span;
            int start = block * BlockRows, end = Math.Min(rows, start + BlockRows);
            foreach (var tree in trees)
                for (var i = start; i < end; i++)
                    predictions[i] += tree.Value[tree.LeafOf(all.Slice(i * width, width))];
            if (trees.Count > 1)
                for (var i = start; i < end; i++) predictions[i] /= trees.Count;
        });
        return predictions;
    }
}
