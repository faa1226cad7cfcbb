using Kiln.Data;

namespace Kiln.Learn.Training;

/// <summary>
/// A comparison of models on one table: the task, the score they are ranked by, the models best first (those that
/// failed last), the held-out rows, and the verdict drawn from the numbers.
/// </summary>
public sealed record ComparisonResult(EstimatorRole Task, string Scoring, int Folds, IReadOnlyList<ComparedModel> Models, int TrainRows, Frame HeldOut, string Target, string Verdict)
{
    public ComparedModel Best => Models[0];
}
