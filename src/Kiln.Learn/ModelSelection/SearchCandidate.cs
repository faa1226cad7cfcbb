namespace Kiln.Learn.ModelSelection;

/// <summary>
/// One set of hyperparameters a search tried, its cross-validated scores, and its rank by the first scoring (1 is
/// best; ties share the lower rank, as scikit-learn's rank_test_score). A pruned candidate was stopped after the folds
/// it has because its running mean was below the median of earlier candidates; it ranks after every complete one.
/// </summary>
public sealed record SearchCandidate(int Index, IReadOnlyDictionary<string, object?> Parameters, CrossValidationResult Scores, bool Pruned, int Rank)
{
    public double MeanTestScore => Scores.MeanTestScore();

    public double StdTestScore => Scores.StdTestScore();

    public override string ToString() => $"#{Index} {SearchSpace.Describe(Parameters)}: {MeanTestScore:G4} ± {StdTestScore:G3}{(Pruned ? " (pruned)" : "")}";
}
