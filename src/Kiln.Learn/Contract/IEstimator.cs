using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// An unfitted estimator: an immutable record of hyperparameters. <see cref="Fit"/> learns from data and
/// returns a new, immutable fitted model; the estimator itself never changes.
/// </summary>
public interface IEstimator
{
    /// <summary>Learns from <paramref name="features"/> (and <paramref name="target"/> when the estimator is supervised).</summary>
    IModel Fit(Frame features, Column? target = null, FitContext? context = null);
}

/// <summary>An estimator whose fitted model has a known type.</summary>
public interface IEstimator<out TModel> : IEstimator where TModel : IModel
{
    new TModel Fit(Frame features, Column? target = null, FitContext? context = null);
}
