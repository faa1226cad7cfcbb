using System.Text.Json.Nodes;

namespace Kiln.Tracking;

/// <summary>Hyperparameters as MLflow params: one flat key per value, nested parts joined with dots.</summary>
public static class RunParams
{
    /// <summary>
    /// Flattens a package manifest's <c>parameters</c>: an estimator's become <c>name → value</c>; a composite's parts
    /// (<c>{"parts": [{"name": "model", "estimator": "ridge", "parameters": {…}}]}</c>) become <c>model.estimator</c> and
    /// <c>model.alpha</c>. Objects and arrays that are values, not parts, are kept as JSON text.
    /// </summary>
    public static Dictionary<string, string> Flatten(JsonObject parameters, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(flat, parameters, prefix);
        return flat;
    }

    static void Add(Dictionary<string, string> flat, JsonObject parameters, string prefix)
    {
        if (parameters["parts"] is JsonArray parts && parameters.Count == 1)
        {
            foreach (var part in parts.OfType<JsonObject>())
            {
                var name = prefix + (part["name"]?.GetValue<string>() ?? "part");
                if (part["estimator"] is JsonValue estimator) flat[$"{name}.estimator"] = estimator.ToString();
                if (part["parameters"] is JsonObject inner) Add(flat, inner, name + ".");
            }
            return;
        }
        foreach (var (key, value) in parameters)
            flat[prefix + key] = value switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                _ => value.ToJsonString(),
            };
    }
}
