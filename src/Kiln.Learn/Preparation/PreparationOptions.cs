using Kiln.Learn.Cleaning;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Preparation;

/// <summary>What <see cref="DataPreparation"/> does with a table: the target, the split, outliers, imputation and derived features.</summary>
public sealed record PreparationOptions(string Target)
{
    /// <summary>Train, validation and test shares; 60/20/20 by default.</summary>
    public SplitFractions Split { get; init; } = new(0.6, 0.2, 0.2);

    /// <summary>Keep each class's share equal across the splits (classification targets only).</summary>
    public bool Stratify { get; init; }

    /// <summary>Drop training rows outlying in a continuous column (more than ten distinct values) by this rule; <c>null</c> keeps every row.</summary>
    public OutlierMethod? DropOutliers { get; init; }

    /// <summary>How missing numbers are filled: mean, median, most-frequent (mode) or k nearest neighbours.</summary>
    public NumericImputation Impute { get; init; } = NumericImputation.Median;

    /// <summary>Derived columns as <c>name=expression</c>, e.g. <c>rooms_per_household=total_rooms/households</c>.</summary>
    public IReadOnlyList<string> Derive { get; init; } = [];

    /// <summary>Text columns with more distinct values than this, and mostly distinct, are dropped as identifiers or free text.</summary>
    public int MaxCategories { get; init; } = 50;

    public long Seed { get; init; } = 42;
}

public enum NumericImputation
{
    Mean,
    Median,
    Mode,
    Knn,
}
