using System.Text.Json;
using System.Text.Json.Serialization;
using Kiln.Server.Health;

namespace Kiln.Server.Predictions;

/// <summary>Source-generated JSON for the prediction path: no reflection per request. The scalar types are the values a prediction can hold.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PredictionResponse))]
[JsonSerializable(typeof(IReadOnlyList<ServedModelSummary>))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTime))]
internal sealed partial class PredictionJsonContext : JsonSerializerContext;
