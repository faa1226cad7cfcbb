namespace Kiln.Learn.Linear;

/// <summary>The loss <see cref="LinearSvm"/> puts on each row's margin m = y·(w·x + b).</summary>
public enum SvmLoss
{
    /// <summary>max(0, 1 − m): the standard SVM, sparse in its support vectors.</summary>
    Hinge,

    /// <summary>max(0, 1 − m)²: smooth, scikit-learn's LinearSVC default.</summary>
    SquaredHinge,
}
