namespace Kiln.Serving.Monitoring;

/// <summary>How a feature's drift is measured: binned and by Kolmogorov–Smirnov, or by category counts and chi-square.</summary>
public enum FeatureKind
{
    Numeric,
    Categorical,
}
