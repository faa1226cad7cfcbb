using Kiln.Data;

namespace Kiln.Learn.Trees;

/// <summary>
/// The base of fitted tree classifiers: checks the input, runs it down the trees column block by column block (no
/// dense copy of the input), and averages the trees' leaf class fractions; predictions are the most probable class.
/// </summary>
public abstract class TreeClassifierModel : IClassifierModel
{
    private protected TreeClassifierModel(IEstimator estimator, InputSchema schema, Column classes, IReadOnlyList<FittedTree> trees)
    {
        Estimator = estimator;
        Schema = schema;
        Classes = classes;
        Trees = trees;
    }

    // computed on first use; computing it twice on two threads gives the same array
    int[]? _leafClasses;

    public IEstimator Estimator { get; }
    public InputSchema Schema { get; }
    public Column Classes { get; }

    /// <summary>The fitted trees: one for a decision tree, many for a forest.</summary>
    public IReadOnlyList<FittedTree> Trees { get; }

    public Column Predict(Frame features)
    {
        var input = TreeInput.Checked(this, features);
        var codes = new int[input.RowCount];
        if (Trees.Count == 1)
        {
            // one tree predicts its leaf's largest class count, as scikit-learn's argmax over tree_.predict
            var tree = Trees[0];
            var leafClass = _leafClasses ??= LargestClasses(tree);
            TreePrediction.ForEachBlock(input, (start, count, block, leaves) =>
            {
                tree.LeavesOf(block, input.FeatureCount, leaves);
                for (var i = 0; i < count; i++) codes[start + i] = leafClass[leaves[i]];
            });
            return Classes.Take(codes);
        }
        var probabilities = TreePrediction.ClassProbabilities(Trees, input, Classes.Length);
        var k = Classes.Length;
        for (var i = 0; i < codes.Length; i++)
        {
            var row = probabilities.AsSpan(i * k, k);
            var best = 0;
            // the first class on ties, as NumPy's argmax
            for (var c = 1; c < k; c++) if (row[c] > row[best]) best = c;
            codes[i] = best;
        }
        return Classes.Take(codes);
    }

    public Frame PredictProbabilities(Frame features)
    {
        var probabilities = Probabilities(features, out var rows);
        var k = Classes.Length;
        var columns = new Column[k];
        for (var c = 0; c < k; c++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++) values[i] = probabilities[(long)i * k + c];
            columns[c] = new Float64Column(Classes.Format(c), values);
        }
        return new Frame(columns);
    }

    public abstract void Save(ModelWriter writer);

    /// <summary>Each node's class with the largest weighted count (the first on ties).</summary>
    static int[] LargestClasses(FittedTree tree)
    {
        var classes = new int[tree.NodeCount];
        for (var node = 0; node < classes.Length; node++)
        {
            var value = tree.ValueOf(node);
            var best = 0;
            for (var c = 1; c < value.Length; c++) if (value[c] > value[best]) best = c;
            classes[node] = best;
        }
        return classes;
    }

    double[] Probabilities(Frame features, out int rows)
    {
        var input = TreeInput.Checked(this, features);
        rows = input.RowCount;
        return TreePrediction.ClassProbabilities(Trees, input, Classes.Length);
    }
}
