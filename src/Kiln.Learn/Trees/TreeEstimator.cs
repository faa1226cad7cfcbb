namespace Kiln.Learn.Trees;

/// <summary>The hyperparameters every tree and tree ensemble shares, with scikit-learn's defaults.</summary>
public abstract record TreeEstimator<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("Deepest a tree may grow, in splits from the root; none grows until leaves are pure or too small", Min = 1, Search = "int(2,20)")]
    public int? MaxDepth { get; init; }

    [Parameter("Fewest rows a node needs to be split: a count of 2 or more, or a fraction of the rows below 1", Min = 0, MinExclusive = true)]
    public double MinSamplesSplit { get; init; } = 2;

    [Parameter("Fewest rows each leaf keeps: a count of 1 or more, or a fraction of the rows below 1", Min = 0, MinExclusive = true, Search = "int(1,20)")]
    public double MinSamplesLeaf { get; init; } = 1;

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

    /// <summary>The growth settings for the input <paramref name="x"/>, counts and fractions resolved to numbers of rows and features.</summary>
    internal TreeGrowth Growth(SplitCriterion criterion, string? maxFeatures, TreeInput x, bool randomThresholds)
    {
        var name = EstimatorCatalog.NameOf(this);
        var minSamplesLeaf = Rows(MinSamplesLeaf, 1, x.RowCount, "min-samples-leaf", name);
        return new()
        {
            Criterion = criterion,
            MaxDepth = MaxDepth ?? int.MaxValue,
            MinSamplesSplit = Math.Max(Rows(MinSamplesSplit, 2, x.RowCount, "min-samples-split", name), 2 * minSamplesLeaf),
            MinSamplesLeaf = minSamplesLeaf,
            MinWeightFractionLeaf = MinWeightFractionLeaf,
            MinImpurityDecrease = MinImpurityDecrease,
            MaxFeatures = MaxFeaturesRule.Resolve(maxFeatures, x.FeatureCount, name),
            MaxLeafNodes = MaxLeafNodes ?? 0,
            RandomThresholds = randomThresholds,
            CcpAlpha = CcpAlpha,
        };
    }

    /// <summary>A count of rows as scikit-learn reads min-samples-*: a whole count as it is, a fraction below 1 as ⌈fraction · rows⌉.</summary>
    static int Rows(double value, int leastCount, int rowCount, string parameter, string estimator)
    {
        if (value < 1) return Math.Max(leastCount, (int)Math.Ceiling(value * rowCount));
        if (value != Math.Floor(value) || value < leastCount || value > int.MaxValue)
            throw new ArgumentException(
                $"{estimator}: parameter '{parameter}' must be a whole count of at least {leastCount} or a fraction of the rows below 1, not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", parameter);
        return (int)value;
    }
}
