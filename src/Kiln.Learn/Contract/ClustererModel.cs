using Kiln.Data;

namespace Kiln.Learn;

/// <summary>The base of fitted clusterers on numeric features: checks the input and gives an int64 <c>cluster</c> column (-1 for noise).</summary>
public abstract class ClustererModel(IEstimator estimator, InputSchema schema) : IClustererModel
{
    public IEstimator Estimator { get; } = estimator;
    public InputSchema Schema { get; } = schema;

    public Column Predict(Frame features) => new Int64Column("cluster", PredictClusters(NumericInput.CheckedMatrix(this, features)));

    protected abstract long[] PredictClusters(FeatureMatrix x);

    public abstract void Save(ModelWriter writer);
}
