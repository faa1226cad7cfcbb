namespace Kiln.Learn.Trees;

/// <summary>How one tree is grown, with every hyperparameter resolved to the numbers the builder uses.</summary>
internal sealed record TreeGrowth
{
    public SplitCriterion Criterion { get; init; }

    /// <summary>Splits from the root to the deepest leaf; int.MaxValue when unlimited.</summary>
    public int MaxDepth { get; init; } = int.MaxValue;

    public int MinSamplesSplit { get; init; } = 2;

    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>The fraction of the total weight a leaf must hold at least.</summary>
    public double MinWeightFractionLeaf { get; init; }

    public double MinImpurityDecrease { get; init; }

    /// <summary>How many features each split looks at (more when all drawn so far are constant, as scikit-learn).</summary>
    public int MaxFeatures { get; init; } = int.MaxValue;

    /// <summary>Grow best-first to at most this many leaves; 0 grows depth-first without a limit.</summary>
    public int MaxLeafNodes { get; init; }

    /// <summary>One random threshold per candidate feature (extra trees) instead of the best one.</summary>
    public bool RandomThresholds { get; init; }

    public double CcpAlpha { get; init; }
}
