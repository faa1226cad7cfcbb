using Kiln.Data;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Ensemble;

/// <summary>Extremely randomised trees: one random threshold per candidate feature, every row by default (scikit-learn's ExtraTreesRegressor).</summary>
[Estimator("extra-trees-regressor", EstimatorRole.Regressor, "forest of regression trees (random thresholds on a random subset of features), averaged",
    Capabilities = [Capability.SampleWeights, Capability.Randomized, Capability.ScaleInvariant])]
public sealed record ExtraTreesRegressor : ForestEstimator<ForestRegressorModel>
{
    [Parameter("The loss splits reduce: squared-error (leaves predict the mean) or absolute-error (the median)")]
    public RegressionCriterion Criterion { get; init; } = RegressionCriterion.SquaredError;

    [Parameter(MaxFeaturesRule.Help, Search = "none,sqrt,0.5")]
    public string? MaxFeatures { get; init; }

    [Parameter("Grow each tree on a bootstrap draw of the rows (false: every tree sees every row)")]
    public bool Bootstrap { get; init; } = false;

    protected override ForestRegressorModel FitCore(Frame features, Column? target, FitContext context) =>
        ForestFitting.Regressor(this, features, target!, context, Criterion, MaxFeatures, Bootstrap, randomThresholds: true);
}
