using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// The base of every estimator record. <see cref="Fit"/> checks the hyperparameters against the catalog's
/// schema and the data's shape before <see cref="FitCore"/> runs, so each algorithm only does its own work.
/// </summary>
public abstract record Estimator<TModel> : IEstimator<TModel> where TModel : IModel
{
    public TModel Fit(Frame features, Column? target = null, FitContext? context = null) =>
        FitChecked(features, target, context, checkedContext => FitCore(features, target, checkedContext));

    /// <summary>Runs <paramref name="fit"/> after the checks <see cref="Fit"/> makes, for fitting that also gives more than the model.</summary>
    protected TResult FitChecked<TResult>(Frame features, Column? target, FitContext? context, Func<FitContext, TResult> fit)
    {
        ArgumentNullException.ThrowIfNull(features);
        context ??= FitContext.Default;
        EstimatorCatalog.Validate(this);
        if (features.RowCount == 0)
            throw new ArgumentException($"{EstimatorCatalog.NameOf(this)}: cannot fit on zero rows", nameof(features));
        if (target is not null && target.Length != features.RowCount)
            throw new ArgumentException($"{EstimatorCatalog.NameOf(this)}: the target has {target.Length} rows but the features have {features.RowCount}", nameof(target));
        if (context.SampleWeights is { } weights)
        {
            if (weights.Length != features.RowCount)
                throw new ArgumentException($"{EstimatorCatalog.NameOf(this)}: {weights.Length} sample weights for {features.RowCount} rows", nameof(context));
            foreach (var w in weights)
                if (!(w >= 0) || double.IsInfinity(w))
                    throw new ArgumentException($"{EstimatorCatalog.NameOf(this)}: sample weights must be finite and non-negative, found {w}", nameof(context));
        }
        InputValues.CheckTarget(target, this);
        InputValues.Check(features, this);
        context.Cancellation.ThrowIfCancellationRequested();
        return fit(context);
    }

    protected abstract TModel FitCore(Frame features, Column? target, FitContext context);

    IModel IEstimator.Fit(Frame features, Column? target, FitContext? context) => Fit(features, target, context);
}
