namespace Kiln.Learn.Linear;

/// <summary>How a <see cref="LinearClassifierModel"/> turns its decision values into class probabilities.</summary>
public enum LinearScoreProbability
{
    /// <summary>The softmax of the decision values (the sigmoid for two classes): ranks classes as the decision does but is not calibrated.</summary>
    Softmax,

    /// <summary>Each class's sigmoid, normalised over the classes: scikit-learn's predict_proba for log-loss.</summary>
    NormalisedSigmoid,

    /// <summary>(clip(score, −1, 1) + 1) / 2 per class, normalised over the classes: scikit-learn's predict_proba for modified Huber.</summary>
    NormalisedModifiedHuber,
}
