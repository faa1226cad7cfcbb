namespace Kiln.Learn.Dummy;

/// <summary>How <see cref="DummyClassifier"/> predicts without looking at the features (scikit-learn's DummyClassifier strategies).</summary>
public enum DummyClassifierStrategy
{
    /// <summary>The most frequent class; the probabilities are the class priors.</summary>
    Prior,

    /// <summary>The most frequent class, with probability 1.</summary>
    MostFrequent,

    /// <summary>A seeded random class per row, drawn with the class priors; probability 1 for the class drawn.</summary>
    Stratified,

    /// <summary>A seeded random class per row, every class equally likely; the probabilities are uniform.</summary>
    Uniform,

    /// <summary>The class named by the constant parameter, with probability 1.</summary>
    Constant,
}
