using System.Text.Json.Serialization;

namespace Kiln.Server.Predictions;

/// <summary>
/// What <c>POST /api/models/{model}/predict</c> answers: which version predicted, the request's id (which
/// <c>POST /api/models/{name}/feedback</c> takes with each row's true label), one entry per input row, and — when
/// the model's deployment chose the version — its role there (<c>primary</c> or <c>canary</c>).
/// </summary>
public sealed record PredictionResponse(string Model, int Version, string Id, IReadOnlyList<RowPrediction> Predictions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null);
