namespace Kiln.Learn.Boosting;

/// <summary>The hyperparameters histogram gradient boosting shares between classifier and regressor, with scikit-learn's defaults.</summary>
public abstract record GradientBoostingEstimator<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("Shrinks each tree's leaf values; smaller needs more iterations", Min = 0, MinExclusive = true, Search = "log(0.01,0.5)")]
    public double LearningRate { get; init; } = 0.1;

    [Parameter("Most boosting iterations (trees per class for more than two classes)", Min = 1)]
    public int MaxIter { get; init; } = 100;

    [Parameter("Most leaves per tree, grown best-first by gain; none leaves the count unbounded", Min = 2, Search = "int(8,64)")]
    public int? MaxLeafNodes { get; init; } = 31;

    [Parameter("Deepest a tree may grow, in splits from the root; none does not limit depth", Min = 1)]
    public int? MaxDepth { get; init; }

    [Parameter("Fewest training rows each leaf keeps", Min = 1, Search = "int(5,50)")]
    public int MinSamplesLeaf { get; init; } = 20;

    [Parameter("L2 penalty on leaf values (λ in −G/(H+λ))", Min = 0, Search = "uniform(0,1)")]
    public double L2Regularization { get; init; }

    [Parameter("Most bins per numeric feature (missing values get one more)", Min = 2, Max = 255)]
    public int MaxBins { get; init; } = 255;

    [Parameter("Columns split by category: auto takes the text columns, or a comma-separated list of column names")]
    public string CategoricalFeatures { get; init; } = "auto";

    [Parameter("Stop when the held-out validation loss stops improving: auto (above 10,000 rows), true or false")]
    public EarlyStoppingMode EarlyStopping { get; init; } = EarlyStoppingMode.Auto;

    [Parameter("Fraction of the training rows held out to score early stopping", Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true)]
    public double ValidationFraction { get; init; } = 0.1;

    [Parameter("Early stopping waits this many iterations for an improvement", Min = 1)]
    public int NIterNoChange { get; init; } = 10;

    [Parameter("Smallest decrease of the validation loss that counts as an improvement", Min = 0)]
    public double Tol { get; init; } = 1e-7;

    [Parameter("Seed for the validation split and the binning sample; the same seed gives the same model")]
    public long Seed { get; init; }

    internal GrowthSettings Growth() =>
        new(MaxLeafNodes ?? int.MaxValue, MaxDepth ?? int.MaxValue, MinSamplesLeaf, L2Regularization, LearningRate);
}
