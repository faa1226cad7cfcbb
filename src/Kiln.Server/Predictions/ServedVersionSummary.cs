namespace Kiln.Server.Predictions;

/// <summary>One loaded version: what it is and the fields each input row must have.</summary>
/// <param name="Task"><c>classification</c>, <c>regression</c> or <c>clustering</c>.</param>
/// <param name="Classes">Classifiers: the class labels; null otherwise.</param>
public sealed record ServedVersionSummary(int Version, string Estimator, string Task, IReadOnlyList<InputField> InputSchema, IReadOnlyList<string>? Classes);
