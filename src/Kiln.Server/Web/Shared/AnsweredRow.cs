namespace Kiln.Server.Web.Shared;

/// <summary>One row or image file of a prediction answer as the "try it" form shows it.</summary>
/// <param name="File">The uploaded file's name for an image model; null for rows.</param>
public sealed record AnsweredRow(string? File, string? Prediction, double? Confidence, IReadOnlyDictionary<string, double> Probabilities);
