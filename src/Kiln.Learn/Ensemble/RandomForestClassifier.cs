using Kiln.Data;
using Kiln.Learn.Linear;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Ensemble;

/// <summary>Many classification trees, each on a bootstrap draw of the rows with a random subset of features per split (scikit-learn's RandomForestClassifier).</summary>
[Estimator("random-forest-classifier", EstimatorRole.Classifier, "forest of classification trees (bootstrap samples, best splits on a random subset of features), soft-voted",
    Capabilities = [Capability.SampleWeights, Capability.Randomized, Capability.ScaleInvariant])]
public sealed record RandomForestClassifier : ForestEstimator<ForestClassifierModel>
{
    [Parameter("The impurity splits reduce: gini, entropy or log-loss (the same as entropy)")]
    public ClassificationCriterion Criterion { get; init; } = ClassificationCriterion.Gini;

    [Parameter(MaxFeaturesRule.Help, Search = "sqrt,log2,0.5")]
    public string? MaxFeatures { get; init; } = "sqrt";

    [Parameter("Grow each tree on a bootstrap draw of the rows (false: every tree sees every row)")]
    public bool Bootstrap { get; init; } = true;

    [Parameter("Weigh every class the same (none) or inversely to its frequency in the whole target (balanced)")]
    public ClassWeighting ClassWeight { get; init; } = ClassWeighting.None;

    protected override ForestClassifierModel FitCore(Frame features, Column? target, FitContext context) =>
        ForestFitting.Classifier(this, features, target!, context, Criterion, MaxFeatures, ClassWeight, Bootstrap, randomThresholds: false);
}
