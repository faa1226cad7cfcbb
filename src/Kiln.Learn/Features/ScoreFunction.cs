namespace Kiln.Learn.Features;

/// <summary>How <see cref="SelectKBest"/> scores a column against the target (scikit-learn's score functions of the same names).</summary>
public enum ScoreFunction
{
    /// <summary>Chi-squared statistic of non-negative columns (counts, frequencies) against class labels.</summary>
    Chi2,

    /// <summary>ANOVA F statistic of a column across class labels.</summary>
    FClassif,

    /// <summary>F statistic of a column's correlation with a numeric target.</summary>
    FRegression,

    /// <summary>Mutual information with class labels, by Kraskov's k-nearest-neighbour estimator.</summary>
    MutualInfoClassif,

    /// <summary>Mutual information with a numeric target, by Kraskov's k-nearest-neighbour estimator.</summary>
    MutualInfoRegression,
}
