using Kiln.Data;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Ensemble;

/// <summary>Many regression trees, each on a bootstrap draw of the rows with a random subset of features per split (scikit-learn's RandomForestRegressor).</summary>
[Estimator("random-forest-regressor", EstimatorRole.Regressor, "forest of regression trees (bootstrap samples, best splits on a random subset of features), averaged",
    Capabilities = [Capability.SampleWeights, Capability.Randomized, Capability.ScaleInvariant])]
public sealed record RandomForestRegressor : ForestEstimator<ForestRegressorModel>
{
    [Parameter("The loss splits reduce: squared-error (leaves predict the mean) or absolute-error (the median)")]
    public RegressionCriterion Criterion { get; init; } = RegressionCriterion.SquaredError;

    [Parameter(MaxFeaturesRule.Help, Search = "none,sqrt,0.5")]
    public string? MaxFeatures { get; init; }

    [Parameter("Grow each tree on a bootstrap draw of the rows (false: every tree sees every row)")]
    public bool Bootstrap { get; init; } = true;

    protected override ForestRegressorModel FitCore(Frame features, Column? target, FitContext context) =>
        ForestFitting.Regressor(this, features, target!, context, Criterion, MaxFeatures, Bootstrap, randomThresholds: false);
}
