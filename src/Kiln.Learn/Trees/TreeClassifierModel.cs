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

    public IEstimator Estimator { get; }
    public InputSchema Schema { get; }
    public Column Classes { get; }

    /// <summary>The fitted trees: one for a decision tree, many for a forest.</summary>
    public IReadOnlyList<FittedTree> Trees { get; }

    public Column Predict(Frame features)
    {
        var probabilities = Probabilities(features, out var rows);
        var k = Classes.Length;
        var codes = new int[rows];
        for (var i = 0; i < rows; i++)
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

    double[] Probabilities(Frame features, out int rows)
    {
        var input = TreeInput.Checked(this, features);
        rows = input.RowCount;
        return TreePrediction.ClassProbabilities(Trees, input, Classes.Length);
    }
}
