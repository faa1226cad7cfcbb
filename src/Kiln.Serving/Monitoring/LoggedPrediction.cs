using System.Text.Json;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// One answered prediction request as the log keeps it: which model version answered, when and how fast, the input
/// rows as column values and one output per row. Feedback names it by <see cref="Id"/> and a row index.
/// </summary>
public sealed record LoggedPrediction(
    string Id,
    string Model,
    int Version,
    DateTimeOffset Time,
    double LatencyMilliseconds,
    IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Rows,
    IReadOnlyList<PredictedOutput> Outputs)
{
    /// <summary>A new id for a prediction: 32 lower-case hex digits, unique without coordination.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
