namespace Kiln.Learn.Trees;

/// <summary>
/// One fitted binary tree as flat per-node arrays, the structure every tree model and ensemble shares. Node 0 is the
/// root; a row goes left when its value of <see cref="Feature"/> is at most <see cref="Threshold"/>. A leaf has feature
/// −1. <see cref="Value"/> holds <see cref="ValueWidth"/> numbers per node: weighted class counts for a classifier,
/// the prediction for a regressor.
/// </summary>
public sealed class FittedTree
{
    internal FittedTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int valueWidth,
        double[] impurity, int[] samples, double[] weightedSamples)
    {
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        Value = value;
        ValueWidth = valueWidth;
        Impurity = impurity;
        Samples = samples;
        WeightedSamples = weightedSamples;
    }

    public int[] Feature { get; }
    public double[] Threshold { get; }
    public int[] Left { get; }
    public int[] Right { get; }
    public double[] Value { get; }
    public int ValueWidth { get; }

    /// <summary>The node's impurity under the criterion it was grown with.</summary>
    public double[] Impurity { get; }

    /// <summary>How many training rows (with positive weight) reached the node.</summary>
    public int[] Samples { get; }

    /// <summary>The total weight of the training rows that reached the node.</summary>
    public double[] WeightedSamples { get; }

    public int NodeCount => Feature.Length;

    public bool IsLeaf(int node) => Feature[node] < 0;

    public int LeafCount
    {
        get
        {
            var leaves = 0;
            foreach (var f in Feature) if (f < 0) leaves++;
            return leaves;
        }
    }

    /// <summary>The number of splits on the longest path from the root to a leaf.</summary>
    public int Depth
    {
        get
        {
            var depth = new int[NodeCount];
            var deepest = 0;
            // children always come after their parent, so one forward pass sees every parent first
            for (var node = 0; node < NodeCount; node++)
            {
                deepest = Math.Max(deepest, depth[node]);
                if (IsLeaf(node)) continue;
                depth[Left[node]] = depth[Right[node]] = depth[node] + 1;
            }
            return deepest;
        }
    }

    /// <summary>The leaf a row of feature values ends in; values are compared at single precision, as the tree was grown.</summary>
    public int LeafOf(ReadOnlySpan<double> row)
    {
        var node = 0;
        var feature = Feature;
        while (feature[node] >= 0)
            node = (float)row[feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return node;
    }

    /// <summary>The leaf a row of single-precision feature values ends in.</summary>
    internal int LeafOf(ReadOnlySpan<float> row)
    {
        var node = 0;
        var feature = Feature;
        var threshold = Threshold;
        while (feature[node] >= 0)
            node = row[feature[node]] <= threshold[node] ? Left[node] : Right[node];
        return node;
    }

    public ReadOnlySpan<double> ValueOf(int node) => Value.AsSpan(node * ValueWidth, ValueWidth);

    /// <summary>Each feature's total weighted impurity decrease over the tree's splits, normalised to sum to one (all zero for a single leaf).</summary>
    public double[] FeatureImportances(int featureCount)
    {
        var importances = new double[featureCount];
        for (var node = 0; node < NodeCount; node++)
        {
            if (IsLeaf(node)) continue;
            int left = Left[node], right = Right[node];
            importances[Feature[node]] += WeightedSamples[node] * Impurity[node]
                - WeightedSamples[left] * Impurity[left] - WeightedSamples[right] * Impurity[right];
        }
        var total = 0.0;
        foreach (var v in importances) total += v;
        if (total > 0)
            for (var f = 0; f < featureCount; f++) importances[f] /= total;
        return importances;
    }

    public void Save(ModelWriter writer)
    {
        writer.Write("feature", Feature);
        writer.Write("threshold", Threshold);
        writer.Write("left", Left);
        writer.Write("right", Right);
        writer.Write("value-width", ValueWidth);
        writer.Write("value", Value);
        writer.Write("impurity", Impurity);
        writer.Write("samples", Samples);
        writer.Write("weighted-samples", WeightedSamples);
    }

    /// <summary>Reads a tree and checks that it is well formed, so a damaged package cannot send prediction out of bounds.</summary>
    public static FittedTree Load(ModelReader reader, int featureCount, int valueWidth)
    {
        var feature = reader.ReadInt32s("feature");
        var threshold = reader.ReadDoubles("threshold");
        var left = reader.ReadInt32s("left");
        var right = reader.ReadInt32s("right");
        var value = reader.ReadDoubles("value");
        var impurity = reader.ReadDoubles("impurity");
        var samples = reader.ReadInt32s("samples");
        var weighted = reader.ReadDoubles("weighted-samples");
        var n = feature.Length;
        if (n == 0 || reader.ReadInt32("value-width") != valueWidth || threshold.Length != n || left.Length != n || right.Length != n
            || value.Length != (long)n * valueWidth || impurity.Length != n || samples.Length != n || weighted.Length != n)
            throw new InvalidDataException("model package: a tree's node arrays do not agree in length");
        for (var node = 0; node < n; node++)
        {
            if (feature[node] < 0) continue;
            if (feature[node] >= featureCount || left[node] <= node || right[node] <= node || left[node] >= n || right[node] >= n)
                throw new InvalidDataException($"model package: tree node {node} points outside the tree or its {featureCount} features");
        }
        return new FittedTree(feature, threshold, left, right, value, valueWidth, impurity, samples, weighted);
    }
}
