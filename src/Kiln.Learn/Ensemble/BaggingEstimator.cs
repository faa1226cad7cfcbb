namespace Kiln.Learn.Ensemble;

/// <summary>The hyperparameters bagging classifiers and regressors share besides their base estimator.</summary>
public abstract record BaggingEstimator<TModel> : Estimator<TModel> where TModel : IModel
{
    [Parameter("How many estimators to fit, each on its own draw of rows and features", Min = 1)]
    public int NEstimators { get; init; } = 10;

    [Parameter("Rows each estimator draws: a fraction of the rows up to 1, or a whole count above 1", Min = 0, MinExclusive = true, Search = "uniform(0.3,1)")]
    public double MaxSamples { get; init; } = 1.0;

    [Parameter("Features each estimator draws: a fraction of the features up to 1, or a whole count above 1", Min = 0, MinExclusive = true, Search = "uniform(0.3,1)")]
    public double MaxFeatures { get; init; } = 1.0;

    [Parameter("Draw rows with replacement (false: without)")]
    public bool Bootstrap { get; init; } = true;

    [Parameter("Draw features with replacement (a feature drawn twice is used once)")]
    public bool BootstrapFeatures { get; init; }

    [Parameter("Score the ensemble on the rows each estimator left out of its draw (accuracy or R²); needs bootstrap")]
    public bool OobScore { get; init; }

    [Parameter("Seed of the draws; also mixed into each estimator's own seed")]
    public long Seed { get; init; }

    internal BaggingSettings Settings => new(NEstimators, MaxSamples, MaxFeatures, Bootstrap, BootstrapFeatures, OobScore, Seed);
}
