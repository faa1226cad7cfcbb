namespace Kiln.Learn.Linear;

/// <summary>The loss <see cref="SgdRegressor"/> puts on each row's residual r = w·x + b − y.</summary>
public enum SgdRegressorLoss
{
    /// <summary>r²/2: least squares.</summary>
    SquaredError,

    /// <summary>r²/2 within ε, linear beyond: least squares that outliers pull less.</summary>
    Huber,

    /// <summary>max(0, |r| − ε): ignores errors within ε, as a linear SVR.</summary>
    EpsilonInsensitive,
}
