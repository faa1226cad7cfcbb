namespace Kiln.Server.Predictions;

/// <summary>One loaded version: what it is and what it predicts from — the fields each input row must have, or images.</summary>
/// <param name="Task"><c>classification</c>, <c>regression</c> or <c>clustering</c>.</param>
/// <param name="InputSchema">The fields of each input row; empty for an image model.</param>
/// <param name="Classes">Classifiers: the class labels; null otherwise.</param>
public sealed record ServedVersionSummary(int Version, string Estimator, string Task, IReadOnlyList<InputField> InputSchema, IReadOnlyList<string>? Classes)
{
    /// <summary><c>rows</c> (JSON or CSV) or <c>images</c> (uploaded image files), so a client knows which form to build.</summary>
    public string Input { get; init; } = "rows";

    /// <summary>Image models: the images the network takes; null for rows.</summary>
    public ImageInputSummary? Image { get; init; }
}
