using Kiln.Data;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Dummy;

/// <summary>
/// A baseline regressor that ignores the features (scikit-learn's DummyRegressor): it predicts one number for every
/// row — the training target's mean, median or a quantile, or a constant — so any real model has to beat it.
/// </summary>
[Estimator("dummy-regressor", EstimatorRole.Regressor, "Baseline that ignores the features: the target's mean, median, a quantile or a constant",
    Capabilities = [Capability.SampleWeights])]
public sealed record DummyRegressor : Estimator<DummyRegressorModel>
{
    const string Name = "dummy-regressor";

    [Parameter("mean, median or quantile of the training target, or the constant parameter", Search = "mean,median")]
    public DummyRegressorStrategy Strategy { get; init; } = DummyRegressorStrategy.Mean;

    [Parameter("The quantile predicted by strategy quantile: 0 the minimum, 0.5 the median, 1 the maximum", Min = 0, Max = 1)]
    public double? Quantile { get; init; }

    [Parameter("The value predicted by strategy constant")]
    public double? Constant { get; init; }

    protected override DummyRegressorModel FitCore(Frame features, Column? target, FitContext context)
    {
        var y = TreeFitting.NumericTarget(target!, Name);
        var weights = context.SampleWeights;
        if (weights is not null && Strategy != DummyRegressorStrategy.Constant && !(weights.Sum() > 0))
            throw new ArgumentException($"{Name}: every sample weight is zero, so the target has no {Kebab.Of(Strategy.ToString())}", nameof(context));
        var prediction = Strategy switch
        {
            DummyRegressorStrategy.Mean => WeightedQuantile.Mean(y, weights),
            DummyRegressorStrategy.Median => WeightedQuantile.Of(y, weights, 0.5),
            DummyRegressorStrategy.Quantile => WeightedQuantile.Of(y, weights, Quantile
                ?? throw new ArgumentException($"{Name}: strategy quantile needs parameter 'quantile', a number from 0 to 1", "quantile")),
            _ => Constant is { } value && double.IsFinite(value) ? value
                : throw new ArgumentException($"{Name}: strategy constant needs parameter 'constant', a finite value to predict, not {Constant?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}", "constant"),
        };
        return new DummyRegressorModel(this, InputSchema.Of(features), target!.Name, prediction);
    }
}
