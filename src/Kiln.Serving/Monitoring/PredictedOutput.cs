namespace Kiln.Serving.Monitoring;

/// <summary>What the model answered for one row: a class label with its confidence, or a number for a regressor.</summary>
public sealed record PredictedOutput(string? Label, double? Value = null, double? Confidence = null);
