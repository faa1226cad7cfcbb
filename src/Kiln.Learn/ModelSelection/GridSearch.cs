namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Every combination of the space's values (scikit-learn's GridSearchCV), in ParameterGrid's order. A range is cut into
/// <see cref="PointsPerRange"/> evenly spaced values (log-evenly for a log-uniform one), so the catalog's default
/// ranges can be searched on a grid too.
/// </summary>
public sealed record GridSearch(SearchSpace Space) : ParameterSearch(Space)
{
    /// <summary>How many values a range contributes to the grid.</summary>
    public int PointsPerRange { get; init; } = 3;

    public override string Method => "grid";

    private protected override int PlannedCandidates => Space.Grid(PointsPerRange).Count;

    private protected override void Search(CandidateRunner runner) => runner.RunAll(Space.Grid(PointsPerRange));
}
