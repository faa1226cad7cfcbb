using Kiln.Data;

namespace Kiln.Serving;

/// <summary>What a model answered for a batch of rows.</summary>
/// <param name="Predictions">One value per row, typed as the model's target (class label, number or cluster).</param>
/// <param name="Probabilities">Classifiers: row-major rows × classes probabilities, each row summing to one; null otherwise.</param>
/// <param name="Classes">Classifiers: the class of each probability column; null otherwise.</param>
public sealed record PredictionBatch(Column Predictions, double[]? Probabilities, IReadOnlyList<string>? Classes)
{
    public int RowCount => Predictions.Length;

    /// <summary>The probability of the predicted class of <paramref name="row"/>: how sure a classifier is; null for other models.</summary>
    public double? Confidence(int row)
    {
        if (Probabilities is null || Classes is null) return null;
        var k = Classes.Count;
        var best = 0.0;
        for (var c = 0; c < k; c++) best = Math.Max(best, Probabilities[row * k + c]);
        return best;
    }
}
