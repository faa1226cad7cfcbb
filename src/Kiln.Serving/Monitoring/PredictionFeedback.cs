namespace Kiln.Serving.Monitoring;

/// <summary>The true label (or value, as text) of one row of a logged prediction, learnt after the fact.</summary>
/// <param name="Row">The row's index within the request, 0 for a single-row request.</param>
public sealed record PredictionFeedback(string PredictionId, int Row, string Label, DateTimeOffset Time);
