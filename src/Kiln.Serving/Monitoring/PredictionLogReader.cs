using System.Text.Json;

namespace Kiln.Serving.Monitoring;

/// <summary>Reads a model's logged predictions and feedback back from the prediction log's files.</summary>
public static class PredictionLogReader
{
    /// <summary>The model's logged predictions at or after <paramref name="since"/> (all when null), oldest file first.</summary>
    public static IEnumerable<LoggedPrediction> Predictions(string folder, string model, DateTimeOffset? since = null) =>
        Lines<LoggedPrediction>(PredictionLogFiles.DayFiles(folder, model, PredictionLogFiles.PredictionsPrefix, since))
            .Where(p => since is null || p.Time >= since);

    /// <summary>Every feedback given for the model's predictions, the latest label winning when a row was labelled twice.</summary>
    public static IReadOnlyDictionary<(string PredictionId, int Row), string> Feedback(string folder, string model)
    {
        var labels = new Dictionary<(string, int), string>();
        foreach (var feedback in Lines<PredictionFeedback>(PredictionLogFiles.DayFiles(folder, model, PredictionLogFiles.FeedbackPrefix, null)))
            labels[(feedback.PredictionId, feedback.Row)] = feedback.Label;
        return labels;
    }

    static IEnumerable<T> Lines<T>(IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Length == 0) continue;
                T? item;
                try
                {
                    item = JsonSerializer.Deserialize<T>(line, ReferenceProfile.Json);
                }
                catch (JsonException e)
                {
                    // the writer may be half-way through the last line: that one is read next time
                    if (reader.Peek() < 0) yield break;
                    throw new InvalidDataException($"{file} line {number}: not a logged {typeof(T).Name} ({e.Message})", e);
                }
                if (item is not null) yield return item;
            }
        }
    }
}
