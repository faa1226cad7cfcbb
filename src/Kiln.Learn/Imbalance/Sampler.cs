using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>
/// The base of the samplers: a seed, checks shared by <see cref="Estimator{TModel}.Fit"/> and <see cref="Resample"/>,
/// and a fitted model that is the identity. Resample training data or training folds only, never test rows.
/// </summary>
public abstract record Sampler : Estimator<SamplerModel>, ISampler
{
    [Parameter("Seed for every random draw; the same seed gives the same rows")]
    public long Seed { get; init; }

    [Parameter("Rows of the smaller class wanted per row of the larger (over-samplers raise smaller classes to it, under-samplers cut larger ones); none balances every class (auto)",
        Min = 0, MinExclusive = true, Max = 1)]
    public double? SamplingRatio { get; init; }

    /// <summary>Whether the sampler measures distances, so that every feature must be a finite number.</summary>
    private protected virtual bool NumericOnly => false;

    public ResampledData Resample(Frame features, Column target, FitContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        context ??= FitContext.Default;
        EstimatorCatalog.Validate(this);
        // numeric features are converted (and checked) once, by the resampling itself
        var labels = CheckData(features, target, checkNumeric: false);
        context.Cancellation.ThrowIfCancellationRequested();
        return ResampleCore(features, target, labels.Sorted(), context);
    }

    protected sealed override SamplerModel FitCore(Frame features, Column? target, FitContext context)
    {
        if (target is null)
            throw new ArgumentNullException(nameof(target), $"{EstimatorCatalog.NameOf(this)} needs a target column to know the classes");
        CheckData(features, target, NumericOnly);
        return new SamplerModel(this, InputSchema.Of(features));
    }

    /// <summary>Resamples rows whose target classes are <paramref name="labels"/>, in ascending class order.</summary>
    private protected abstract ResampledData ResampleCore(Frame features, Column target, ClassLabels labels, FitContext context);

    /// <summary>Rejects data this sampler cannot take, naming the column; gives the target's classes.</summary>
    ClassLabels CheckData(Frame features, Column target, bool checkNumeric)
    {
        var name = EstimatorCatalog.NameOf(this);
        if (features.RowCount == 0)
            throw new ArgumentException($"{name}: cannot resample zero rows", nameof(features));
        if (target.Length != features.RowCount)
            throw new ArgumentException($"{name}: the target has {target.Length} rows but the features have {features.RowCount}", nameof(target));
        var labels = ClassLabels.Of(target, nameof(target));
        if (checkNumeric) NumericRows.Of(features, name);
        return labels;
    }

    /// <summary>The input rows followed by copies of <paramref name="extraRows"/>, every column keeping its type.</summary>
    private protected static ResampledData Copies(Frame features, Column target, IReadOnlyList<int> extraRows)
    {
        var rows = new int[features.RowCount + extraRows.Count];
        for (var i = 0; i < features.RowCount; i++) rows[i] = i;
        for (var i = 0; i < extraRows.Count; i++) rows[features.RowCount + i] = extraRows[i];
        return new ResampledData(features.Take(rows), target.Take(rows), null, rows);
    }
}
