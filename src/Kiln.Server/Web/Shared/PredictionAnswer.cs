using System.Globalization;
using System.Text.Json;

namespace Kiln.Server.Web.Shared;

/// <summary>
/// The "try it" form's reading of the prediction endpoint's answer: the first row's prediction (and every row, one per
/// uploaded image for an image model), or the problem's detail.
/// </summary>
public sealed record PredictionAnswer(string? Prediction, double? Confidence, int Version, string Id, IReadOnlyDictionary<string, double> Probabilities, string? Error)
{
    /// <summary>Every answered row in order; for an image model, one per file with its name.</summary>
    public IReadOnlyList<AnsweredRow> Rows { get; init; } = [];

    public static PredictionAnswer Read(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (status != 200)
            {
                var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
                var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
                return Failed($"{status} {title}: {detail}".TrimEnd(' ', ':'));
            }
            var rows = root.GetProperty("predictions").EnumerateArray().Select(Row).ToList();
            var first = rows[0];
            return new PredictionAnswer(first.Prediction, first.Confidence, root.GetProperty("version").GetInt32(), root.GetProperty("id").GetString() ?? "", first.Probabilities, null)
            {
                Rows = rows,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return Failed(status == 200 ? $"the answer could not be read: {e.Message}" : $"the server answered {status.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    static AnsweredRow Row(JsonElement row)
    {
        var prediction = row.GetProperty("prediction");
        var probabilities = new Dictionary<string, double>(StringComparer.Ordinal);
        if (row.TryGetProperty("probabilities", out var p) && p.ValueKind == JsonValueKind.Object)
            foreach (var property in p.EnumerateObject()) probabilities[property.Name] = property.Value.GetDouble();
        return new AnsweredRow(
            row.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null,
            prediction.ValueKind == JsonValueKind.String ? prediction.GetString() : prediction.GetRawText(),
            row.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null,
            probabilities);
    }

    static PredictionAnswer Failed(string error) => new(null, null, 0, "", new Dictionary<string, double>(), error);
}
