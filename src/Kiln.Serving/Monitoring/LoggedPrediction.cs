using System.Globalization;
using System.Text.Json;
using Kiln.Data;

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
    /// <summary>The version's role in the model's deployment (primary, canary, shadow); null when the request bypassed it or there was none.</summary>
    public ServingRole? Role { get; init; }

    /// <summary>A shadow's prediction: the id of the answered request it shadowed, by which that request's feedback applies to it too.</summary>
    public string? ServedId { get; init; }

    /// <summary>A shadow's prediction: how many of its rows agreed with the answer that went out.</summary>
    public int? AgreedRows { get; init; }

    /// <summary>An answered request as the log keeps it: each input row's values by column, and each row's label or number with its confidence.</summary>
    public static LoggedPrediction Of(ServedPrediction served)
    {
        ArgumentNullException.ThrowIfNull(served);
        var (inputs, outputs) = (served.Inputs, served.Outputs);
        var rows = new IReadOnlyDictionary<string, JsonElement>[inputs.RowCount];
        var predicted = new PredictedOutput[outputs.RowCount];
        var numeric = outputs.Classes is null && outputs.Predictions is Float64Column or Int64Column;
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Dictionary<string, JsonElement>(inputs.ColumnCount, StringComparer.Ordinal);
            foreach (var column in inputs.Columns) row[column.Name] = JsonSerializer.SerializeToElement(column.GetValue(r));
            rows[r] = row;
        }
        for (var r = 0; r < predicted.Length; r++)
        {
            var value = outputs.Predictions.GetValue(r);
            predicted[r] = numeric
                ? new PredictedOutput(null, value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture))
                : new PredictedOutput(Convert.ToString(value, CultureInfo.InvariantCulture), Confidence: outputs.Confidence(r));
        }
        return new LoggedPrediction(served.Id, served.Model, served.Version, served.Time, served.Latency.TotalMilliseconds, rows, predicted)
        {
            Role = served.Role,
            ServedId = served.ServedId,
            AgreedRows = served.AgreedRows,
        };
    }
}
