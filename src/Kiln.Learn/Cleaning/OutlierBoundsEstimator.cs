using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>The hyperparameters outlier estimators share: how their per-column bounds are fitted.</summary>
public abstract record OutlierBoundsEstimator<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("iqr: Tukey's fences around the quartiles; z-score: limits around the mean")]
    public OutlierMethod Method { get; init; } = OutlierMethod.Iqr;

    [Parameter("How many interquartile ranges beyond the quartiles the iqr bounds lie", Min = 0, MinExclusive = true)]
    public double IqrFactor { get; init; } = 1.5;

    [Parameter("How many standard deviations from the mean the z-score bounds lie", Min = 0, MinExclusive = true)]
    public double ZThreshold { get; init; } = 3;

    private protected OutlierBounds FitBounds(Frame features, string estimator) =>
        OutlierBounds.Fit(NumericInput.Columns(features, estimator), Method, IqrFactor, ZThreshold);
}
