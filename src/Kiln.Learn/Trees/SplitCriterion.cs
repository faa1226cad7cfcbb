namespace Kiln.Learn.Trees;

/// <summary>The impurity a tree's splits reduce; classifiers use the first two, regressors the last two.</summary>
internal enum SplitCriterion
{
    Gini,
    Entropy,
    SquaredError,
    AbsoluteError,
}
