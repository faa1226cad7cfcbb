namespace Kiln.Learn.Trees;

/// <summary>The impurity a classification tree's splits reduce; entropy and log-loss are the same measure, as in scikit-learn.</summary>
public enum ClassificationCriterion
{
    Gini,
    Entropy,
    LogLoss,
}
