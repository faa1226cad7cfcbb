namespace Kiln.Server.Predictions;

/// <summary>What <c>POST /api/models/{model}/predict</c> answers: which version predicted, and one entry per input row.</summary>
public sealed record PredictionResponse(string Model, int Version, IReadOnlyList<RowPrediction> Predictions);
