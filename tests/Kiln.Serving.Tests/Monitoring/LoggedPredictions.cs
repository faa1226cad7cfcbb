using System.Text.Json;
using Kiln.Data;
using Kiln.Serving;
using Kiln.Serving.Monitoring;

namespace Kiln.Serving.Tests.Monitoring;

/// <summary>Logged predictions made from frame rows, one row a request, as a prediction endpoint would log them.</summary>
static class LoggedPredictions
{
    public static LoggedPrediction Single(string model, int version, DateTimeOffset time, IReadOnlyDictionary<string, JsonElement> row, PredictedOutput output) =>
        new(ServedPrediction.NewId(), model, version, time, 1.5, [row], [output]);

    public static List<LoggedPrediction> FromFrame(Frame frame, string model, int version, DateTimeOffset time, Func<int, PredictedOutput> output) =>
        [.. Enumerable.Range(0, frame.RowCount).Select(row => Single(model, version, time.AddMilliseconds(row),
            frame.Columns.ToDictionary(c => c.Name, c => JsonSerializer.SerializeToElement(c.GetValue(row))), output(row)))];
}
