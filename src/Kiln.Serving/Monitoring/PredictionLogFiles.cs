using System.Globalization;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// The prediction log's layout on disk: <c>FOLDER/MODEL/predictions-YYYY-MM-DD.jsonl</c> and
/// <c>feedback-YYYY-MM-DD.jsonl</c>, one JSON object a line, one file per UTC day so old days can be archived whole.
/// </summary>
public static class PredictionLogFiles
{
    public const string PredictionsPrefix = "predictions-";
    public const string FeedbackPrefix = "feedback-";
    const string DayFormat = "yyyy-MM-dd";

    /// <summary>The model's folder; the name is escaped so that any registry name makes one safe folder name.</summary>
    public static string ModelFolder(string root, string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return Path.Combine(root, Uri.EscapeDataString(model));
    }

    public static string DayFile(string root, string model, string prefix, DateTimeOffset time) =>
        Path.Combine(ModelFolder(root, model), prefix + time.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture) + ".jsonl");

    /// <summary>The model's files with <paramref name="prefix"/> for days from <paramref name="since"/>'s day on, oldest first.</summary>
    public static IReadOnlyList<string> DayFiles(string root, string model, string prefix, DateTimeOffset? since)
    {
        var folder = ModelFolder(root, model);
        if (!Directory.Exists(folder)) return [];
        var from = since?.UtcDateTime.Date;
        return [.. Directory.EnumerateFiles(folder, prefix + "*.jsonl")
            .Where(file => from is null || DayOf(file, prefix) is not { } day || day >= from)
            .Order(StringComparer.Ordinal)];
    }

    static DateTime? DayOf(string file, string prefix) =>
        DateTime.TryParseExact(Path.GetFileNameWithoutExtension(file)[prefix.Length..], DayFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day) ? day : null;
}
