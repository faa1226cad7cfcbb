using System.Text.Json.Serialization;

namespace Kiln.Server.Predictions;

/// <summary>One row's (or uploaded image's) answer.</summary>
/// <param name="Prediction">The class label, number or cluster, typed as the model's target.</param>
/// <param name="Confidence">Classifiers: the probability of the predicted class; null for other models.</param>
/// <param name="Probabilities">Classifiers: every class's probability; null for other models.</param>
/// <param name="File">Image models: the uploaded file this answer is for; absent for rows.</param>
public sealed record RowPrediction(
    object? Prediction,
    double? Confidence,
    IReadOnlyDictionary<string, double>? Probabilities,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null);
