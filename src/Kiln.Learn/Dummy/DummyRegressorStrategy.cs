namespace Kiln.Learn.Dummy;

/// <summary>What <see cref="DummyRegressor"/> predicts for every row (scikit-learn's DummyRegressor strategies).</summary>
public enum DummyRegressorStrategy
{
    /// <summary>The (weighted) mean of the training target.</summary>
    Mean,

    /// <summary>The (weighted) median of the training target.</summary>
    Median,

    /// <summary>The quantile parameter's quantile of the training target.</summary>
    Quantile,

    /// <summary>The constant parameter.</summary>
    Constant,
}
