namespace Kiln.Data;

/// <summary>
/// The column to predict: for classification its classes with counts and shares and the ratio of the largest
/// class to the smallest; for regression its correlations with the numeric features, strongest first.
/// </summary>
public sealed record TargetProfile(string Column, string Task)
{
    public IReadOnlyList<ValueCount> Classes { get; init; } = [];

    /// <summary>Largest class count over smallest; 1 is perfectly balanced.</summary>
    public double? ImbalanceRatio { get; init; }

    /// <summary>Pearson correlation of each numeric feature with the target (binary classes as 0/1), strongest first.</summary>
    public IReadOnlyList<FeatureCorrelation> Correlations { get; init; } = [];
}

public sealed record FeatureCorrelation(string Feature, double Correlation);
