namespace Kiln.Learn.Trees;

/// <summary>The hyperparameters every tree and tree ensemble shares, with scikit-learn's defaults.</summary>
public abstract record TreeEstimator<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("Deepest a tree may grow, in splits from the root; none grows until leaves are pure or too small", Min = 1)]
    public int? MaxDepth { get; init; }

    [Parameter("Fewest rows a node needs to be split", Min = 2)]
    public int MinSamplesSplit { get; init; } = 2;

    [Parameter("Fewest rows each leaf keeps", Min = 1)]
    public int MinSamplesLeaf { get; init; } = 1;

    [Parameter("Smallest fraction of the total sample weight each leaf keeps", Min = 0, Max = 0.5)]
    public double MinWeightFractionLeaf { get; init; }

    [Parameter("A node is split only when that lowers the weighted impurity by at least this much", Min = 0)]
    public double MinImpurityDecrease { get; init; }

    [Parameter("Grow best-first to at most this many leaves; none grows depth-first without a limit", Min = 2)]
    public int? MaxLeafNodes { get; init; }

    [Parameter("Minimal cost-complexity pruning strength; 0 keeps the whole tree", Min = 0)]
    public double CcpAlpha { get; init; }

    [Parameter("Seed for every random choice (feature order, thresholds, bootstrap rows); the same seed gives the same model")]
    public long Seed { get; init; }

    /// <summary>The growth settings for data with <paramref name="featureCount"/> features.</summary>
    internal TreeGrowth Growth(SplitCriterion criterion, string? maxFeatures, int featureCount, bool randomThresholds) => new()
    {
        Criterion = criterion,
        MaxDepth = MaxDepth ?? int.MaxValue,
        MinSamplesSplit = Math.Max(MinSamplesSplit, 2 * MinSamplesLeaf),
        MinSamplesLeaf = MinSamplesLeaf,
        MinWeightFractionLeaf = MinWeightFractionLeaf,
        MinImpurityDecrease = MinImpurityDecrease,
        MaxFeatures = MaxFeaturesRule.Resolve(maxFeatures, featureCount, EstimatorCatalog.NameOf(this)),
        MaxLeafNodes = MaxLeafNodes ?? 0,
        RandomThresholds = randomThresholds,
        CcpAlpha = CcpAlpha,
    };
}
