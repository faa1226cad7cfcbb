using System.Text.Json;
using Kiln.Data;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// A table of new rows — a batch about to be scored or trained on — compared with a model's training reference, feature
/// by feature and on the model's predictions, by the same statistics and thresholds as live monitoring.
/// </summary>
/// <param name="Features">Each reference feature's drift; a feature the table lacks counts every row as missing.</param>
/// <param name="Predictions">The drift of the model's predictions on the table from those on its training rows; null when there were none.</param>
public sealed record BatchDrift(IReadOnlyList<FeatureDrift> Features, FeatureDrift? Predictions)
{
    /// <summary>Whether any feature or the predictions drifted.</summary>
    public bool Drifted => Predictions?.Drifted == true || Features.Any(f => f.Drifted);

    /// <param name="features">The table's input columns (extra columns are ignored).</param>
    /// <param name="predictions">The model's predictions on the same rows, or null when it could not make them.</param>
    public static BatchDrift Measure(ReferenceProfile reference, Frame features, Column? predictions, DriftThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        var drifts = reference.Features
            .Select(feature => DriftAnalyzer.Compare(feature,
                features.HasColumn(feature.Name) ? Values(features[feature.Name]) : Enumerable.Repeat(default(JsonElement), features.RowCount), thresholds))
            .ToList();
        return new BatchDrift(drifts, predictions is null ? null : DriftAnalyzer.Compare(reference.Predictions, Values(predictions), thresholds));
    }

    /// <summary>A column's values as the prediction log holds them: numbers, text and flags as JSON, a missing value undefined.</summary>
    static IEnumerable<JsonElement> Values(Column column)
    {
        for (var row = 0; row < column.Length; row++)
        {
            var value = column.GetValue(row);
            yield return value is null || value is double number && !double.IsFinite(number) ? default : JsonSerializer.SerializeToElement(value);
        }
    }
}
