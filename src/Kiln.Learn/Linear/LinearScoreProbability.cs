namespace Kiln.Learn.Linear;

/// <summary>How a <see cref="LinearClassifierModel"/> turns its decision values into class probabilities.</summary>
public enum LinearScoreProbability
{
    /// <summary>
    /// The logistic function of the score for two classes, the softmax of the scores for more: the probabilities of
    /// logistic regression (binary and multinomial). For other losses it ranks classes as the decision does but is not calibrated.
    /// </summary>
    Softmax,

    /// <summary>Each class's logistic function, normalised over the classes: scikit-learn's predict_proba for one-vs-rest log-loss (the plain logistic function for two classes).</summary>
    NormalisedSigmoid,

    /// <summary>(clip(score, −1, 1) + 1) / 2 per class, normalised over the classes: scikit-learn's predict_proba for modified Huber.</summary>
    NormalisedModifiedHuber,
}
