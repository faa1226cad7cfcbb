using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// The base of fitted classifiers on numeric features: checks the input against the schema, hands the learner a dense
/// matrix, and turns its class probabilities into predictions typed as the target (<see cref="Classes"/>.Take(codes)).
/// </summary>
public abstract class ClassifierModel(IEstimator estimator, InputSchema schema, Column classes) : IClassifierModel
{
    public IEstimator Estimator { get; } = estimator;
    public InputSchema Schema { get; } = schema;
    public Column Classes { get; } = classes;

    public Column Predict(Frame features) => Classes.Take(PredictCodes(features));

    public Frame PredictProbabilities(Frame features)
    {
        var probabilities = Probabilities(features);
        var k = Classes.Length;
        var columns = new Column[k];
        for (var c = 0; c < k; c++)
        {
            var values = new double[features.RowCount];
            for (var i = 0; i < values.Length; i++) values[i] = probabilities[(long)i * k + c];
            columns[c] = new Float64Column(Classes.Format(c), values);
        }
        return new Frame(columns);
    }

    /// <summary>
    /// The class code of each row of the unchecked input. By default the input is checked and gathered into a row-major
    /// matrix; a model that can read the columns as they are overrides this (and <see cref="Probabilities(Frame)"/>) and checks them itself.
    /// </summary>
    protected virtual int[] PredictCodes(Frame features) => PredictCodes(Matrix(features));

    /// <summary>Row-major class probabilities of the unchecked input; see <see cref="PredictCodes(Frame)"/>.</summary>
    protected virtual double[] Probabilities(Frame features) => Probabilities(Matrix(features));

    /// <summary>Row-major class probabilities, rows × classes, each row summing to one.</summary>
    protected abstract double[] Probabilities(FeatureMatrix x);

    /// <summary>The class code of each row; by default the most probable class (the first on ties, as NumPy's argmax).</summary>
    protected virtual int[] PredictCodes(FeatureMatrix x)
    {
        var probabilities = Probabilities(x);
        var k = Classes.Length;
        var codes = new int[x.RowCount];
        for (var i = 0; i < codes.Length; i++)
        {
            var row = probabilities.AsSpan(i * k, k);
            var best = 0;
            for (var c = 1; c < k; c++) if (row[c] > row[best]) best = c;
            codes[i] = best;
        }
        return codes;
    }

    public abstract void Save(ModelWriter writer);

    FeatureMatrix Matrix(Frame features) => NumericInput.CheckedMatrix(this, features);
}
