using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// An estimator whose output for its own training rows must differ from what its model gives new rows, because
/// encoding a row with statistics of its own target would leak that target (scikit-learn 1.3's TargetEncoder).
/// <see cref="FitTransform"/> returns the model, for new data, with cross-fitted output of the training rows;
/// <c>Pipeline</c> and <c>ColumnTransformer</c> fit the steps after it on that output.
/// </summary>
public interface ICrossFittingEstimator : IEstimator
{
    /// <summary>Fits on all rows and gives, beside the model, the training rows' output with no row seeing its own target.</summary>
    (ITransformerModel Model, Frame Training) FitTransform(Frame features, Column? target = null, FitContext? context = null);
}
