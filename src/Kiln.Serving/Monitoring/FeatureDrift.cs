namespace Kiln.Serving.Monitoring;

/// <summary>How far one feature (or the model's output) has moved from its training spread in the live rows.</summary>
/// <param name="Missing">Live rows without a value for it.</param>
/// <param name="KolmogorovSmirnov">Numeric features: the two-sample test against the training sample.</param>
/// <param name="ChiSquare">Categorical features: the 2×k test of training against live category counts.</param>
/// <param name="Unseen">Categorical features: live categories that training never saw.</param>
public sealed record FeatureDrift(
    string Name,
    FeatureKind Kind,
    long Rows,
    long Missing,
    double? Psi,
    TestResult? KolmogorovSmirnov,
    TestResult? ChiSquare,
    IReadOnlyList<string> Unseen,
    bool Drifted);
