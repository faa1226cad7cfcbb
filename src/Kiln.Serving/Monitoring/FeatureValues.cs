using System.Globalization;
using System.Text.Json;

namespace Kiln.Serving.Monitoring;

/// <summary>One reading of values for drift, whether they come from a training column or a logged JSON row.</summary>
public static class FeatureValues
{
    /// <summary>A category's text: invariant numbers, <c>true</c>/<c>false</c>, text as it is; null when missing.</summary>
    public static string? Category(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        JsonElement element => Category(element),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string? Category(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : element.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element.GetRawText(),
    };

    /// <summary>A number from a JSON number or numeric text; null when missing, not a number, or not finite.</summary>
    public static double? Number(JsonElement element)
    {
        var value = element.ValueKind switch
        {
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsFinite(value) ? value : null;
    }
}
