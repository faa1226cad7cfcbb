namespace Kiln.Learn.Trees;

/// <summary>The loss a regression tree's splits reduce: squared error (leaves predict the mean) or absolute error (the median).</summary>
public enum RegressionCriterion
{
    SquaredError,
    AbsoluteError,
}
