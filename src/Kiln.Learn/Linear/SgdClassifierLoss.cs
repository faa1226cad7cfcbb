namespace Kiln.Learn.Linear;

/// <summary>The loss <see cref="SgdClassifier"/> puts on each row's margin m = y·(w·x + b), y = ±1.</summary>
public enum SgdClassifierLoss
{
    /// <summary>max(0, 1 − m): a linear SVM.</summary>
    Hinge,

    /// <summary>log(1 + e^−m): logistic regression, with probabilities.</summary>
    LogLoss,

    /// <summary>(1 − m)² for m ≥ −1, else −4m: tolerant of outliers, with rough probabilities.</summary>
    ModifiedHuber,
}
