using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// An estimator that changes which rows the training data has (over- and under-samplers). Resampling is for
/// training data only — a whole training set or one cross-validation training fold, never validation or test
/// rows — so a pipeline calls <see cref="Resample"/> while fitting and the fitted model passes rows through unchanged.
/// </summary>
public interface ISampler : IEstimator
{
    /// <summary>The training rows resampled; the same data, parameters and seed give the same rows.</summary>
    ResampledData Resample(Frame features, Column target, FitContext? context = null);
}
