using Kiln.Data;

namespace Kiln.Learn.Training;

/// <summary>
/// A comparison of models on one table: the task, the score they are ranked by, the models best first (those that
/// failed last), the held-out rows, the verdict drawn from the numbers, and the baseline scored alongside them.
/// </summary>
public sealed record ComparisonResult(EstimatorRole Task, string Scoring, int Folds, IReadOnlyList<ComparedModel> Models, int TrainRows, Frame HeldOut, string Target, string Verdict,
    ComparedModel? Baseline = null)
{
    public ComparedModel Best => Models[0];

    /// <summary>How reports name the <see cref="Baseline"/> row: what the model that ignores the features predicts.</summary>
    public string BaselineLabel => ModelComparison.BaselineLabel(Task);
}
