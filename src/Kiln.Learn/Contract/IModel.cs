namespace Kiln.Learn;

/// <summary>A fitted model: immutable and safe to use from many threads at once.</summary>
public interface IModel
{
    /// <summary>The hyperparameters it was fitted with.</summary>
    IEstimator Estimator { get; }

    /// <summary>The columns and types it was fitted on; inputs are checked against it before use.</summary>
    InputSchema Schema { get; }

    /// <summary>
    /// Writes the fitted state (not the parameters or schema, which the package records itself). Every model type
    /// also has <c>public static TModel Load(ModelReader reader)</c>, which reads it back.
    /// </summary>
    void Save(ModelWriter writer);
}
