using Kiln.Data;
using Kiln.Learn.Linear;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Ensemble;

/// <summary>Extremely randomised trees: one random threshold per candidate feature, every row by default (scikit-learn's ExtraTreesClassifier).</summary>
[Estimator("extra-trees-classifier", EstimatorRole.Classifier, "forest of classification trees (random thresholds on a random subset of features), soft-voted",
    Capabilities = [Capability.SampleWeights, Capability.Randomized, Capability.ScaleInvariant])]
public sealed record ExtraTreesClassifier : ForestEstimator<ForestClassifierModel>
{
    [Parameter("The impurity splits reduce: gini, entropy or log-loss (the same as entropy)")]
    public ClassificationCriterion Criterion { get; init; } = ClassificationCriterion.Gini;

    [Parameter(MaxFeaturesRule.Help, Search = "sqrt,log2,0.5")]
    public string? MaxFeatures { get; init; } = "sqrt";

    [Parameter("Grow each tree on a bootstrap draw of the rows (false: every tree sees every row)")]
    public bool Bootstrap { get; init; } = false;

    [Parameter("Weigh every class the same (none) or inversely to its frequency in the whole target (balanced)")]
    public ClassWeighting ClassWeight { get; init; } = ClassWeighting.None;

    protected override ForestClassifierModel FitCore(Frame features, Column? target, FitContext context) =>
        ForestFitting.Classifier(this, features, target!, context, Criterion, MaxFeatures, ClassWeight, Bootstrap, randomThresholds: true);
}
