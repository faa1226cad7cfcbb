using Kiln.Data;

namespace Kiln.Learn;

/// <summary>The base of fitted regressors on numeric features: checks the input, hands the learner a dense matrix, names the prediction as the target.</summary>
public abstract class RegressorModel(IEstimator estimator, InputSchema schema, string targetName) : IRegressorModel
{
    public IEstimator Estimator { get; } = estimator;
    public InputSchema Schema { get; } = schema;

    /// <summary>The name of the target the model was fitted on, which its predictions carry.</summary>
    public string TargetName { get; } = targetName;

    public Column Predict(Frame features) => new Float64Column(TargetName, PredictValues(features));

    /// <summary>
    /// The prediction for each row of the unchecked input. By default the input is checked and gathered into a row-major
    /// matrix; a model that can read the columns as they are overrides this and checks them itself.
    /// </summary>
    protected virtual double[] PredictValues(Frame features) => PredictValues(NumericInput.CheckedMatrix(this, features));

    protected abstract double[] PredictValues(FeatureMatrix x);

    public abstract void Save(ModelWriter writer);
}
