using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kiln.Server.Tests.Mlflow;

/// <summary>
/// Replays a file of recorded MLflow requests and answers against a running server. An answer matches when it has the
/// same status and the same JSON shape and values: the same keys, lists of the same length, equal values. Expected
/// strings may hold patterns: <c>{{hex32}}</c>, <c>{{millis}}</c> (epoch milliseconds within a day of now),
/// <c>{{any}}</c>, <c>{{contains:TEXT}}</c> and <c>{{capture:NAME}}</c> or <c>{{capture:NAME:hex32}}</c>, which keep
/// the value so that later requests and answers can say <c>{{NAME}}</c>.
/// </summary>
public sealed partial class RecordedExchange
{
    [GeneratedRegex(@"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Hex32();

    readonly Dictionary<string, string> _captured = new(StringComparer.Ordinal);

    public static async Task ReplayAsync(string file, HttpClient client)
    {
        var recording = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        var exchange = new RecordedExchange();
        var index = 0;
        foreach (var step in recording["steps"]!.AsArray())
        {
            index++;
            var name = $"{Path.GetFileName(file)} step {index} ({step!["name"]?.GetValue<string>() ?? "unnamed"})";
            await exchange.StepAsync(name, step.AsObject(), client);
        }
    }

    async Task StepAsync(string name, JsonObject step, HttpClient client)
    {
        var request = step["request"]!.AsObject();
        using var message = new HttpRequestMessage(new HttpMethod(request["method"]!.GetValue<string>()), Substitute(request["path"]!.GetValue<string>()));
        if (request["json"] is { } json) message.Content = new StringContent(Substitute(json.ToJsonString()), Encoding.UTF8, "application/json");
        else if (request["text"] is { } text) message.Content = new StringContent(Substitute(text.GetValue<string>()), Encoding.UTF8, "application/octet-stream");
        else if (request["raw"] is { } raw) message.Content = new StringContent(raw.GetValue<string>(), Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var expected = step["response"]!.AsObject();
        var status = expected["status"]!.GetValue<int>();
        Assert.True(status == (int)response.StatusCode, $"{name}: expected status {status}, got {(int)response.StatusCode} with {body}");
        if (expected["text"] is { } expectedText)
            Assert.True(Substitute(expectedText.GetValue<string>()) == body, $"{name}: expected the text '{expectedText}', got '{body}'");
        if (expected["json"] is { } expectedJson)
        {
            JsonNode? actual;
            try
            {
                actual = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                throw new Xunit.Sdk.XunitException($"{name}: the answer is not JSON: {body}");
            }
            var difference = Compare(expectedJson, actual, "$");
            Assert.True(difference is null, $"{name}: {difference}\nanswer: {body}");
        }
    }

    string? Compare(JsonNode? expected, JsonNode? actual, string where)
    {
        switch (expected)
        {
            case JsonObject wanted:
                if (actual is not JsonObject got) return $"{where}: expected an object, got {Show(actual)}";
                var missing = wanted.Select(p => p.Key).Except(got.Select(p => p.Key)).ToList();
                var extra = got.Select(p => p.Key).Except(wanted.Select(p => p.Key)).ToList();
                if (missing.Count > 0 || extra.Count > 0)
                    return $"{where}: keys differ; missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]";
                foreach (var (key, value) in wanted)
                    if (Compare(value, got[key], $"{where}.{key}") is { } difference) return difference;
                return null;
            case JsonArray wantedItems:
                if (actual is not JsonArray items) return $"{where}: expected a list, got {Show(actual)}";
                if (items.Count != wantedItems.Count) return $"{where}: expected {wantedItems.Count} items, got {items.Count}: {Show(actual)}";
                for (var i = 0; i < items.Count; i++)
                    if (Compare(wantedItems[i], items[i], $"{where}[{i}]") is { } difference) return difference;
                return null;
            case JsonValue value when value.TryGetValue<string>(out var pattern) && IsPattern(pattern):
                return Pattern(pattern, actual, where);
            case JsonValue value when value.TryGetValue<string>(out var text):
                var wantedText = Substitute(text);
                return actual is JsonValue v && v.TryGetValue<string>(out var gotText) && gotText == wantedText ? null
                    : $"{where}: expected \"{wantedText}\", got {Show(actual)}";
            case JsonValue value when value.GetValueKind() is JsonValueKind.Number:
                return actual is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.GetValue<double>() == value.GetValue<double>() ? null
                    : $"{where}: expected {value.ToJsonString()}, got {Show(actual)}";
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{where}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    string? Pattern(string pattern, JsonNode? actual, string where)
    {
        var inner = pattern[2..^2];
        if (inner == "any") return actual is null ? $"{where}: expected a value, got nothing" : null;
        var text = actual is JsonValue v ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) : null;
        if (text is null) return $"{where}: expected a value matching {pattern}, got {Show(actual)}";
        if (inner.StartsWith("capture:", StringComparison.Ordinal))
        {
            var parts = inner.Split(':');
            if (parts.Length > 2 && Pattern($"{{{{{parts[2]}}}}}", actual, where) is { } difference) return difference;
            _captured[parts[1]] = text;
            return null;
        }
        if (inner.StartsWith("contains:", StringComparison.Ordinal))
        {
            var part = Substitute(inner["contains:".Length..]);
            return text.Contains(part, StringComparison.Ordinal) ? null : $"{where}: expected text containing \"{part}\", got \"{text}\"";
        }
        return inner switch
        {
            "hex32" => Hex32().IsMatch(text) ? null : $"{where}: expected 32 hex digits, got \"{text}\"",
            "millis" => actual is JsonValue n && n.GetValueKind() == JsonValueKind.Number
                        && Math.Abs(n.GetValue<long>() - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) < TimeSpan.FromDays(1).TotalMilliseconds
                ? null : $"{where}: expected a time in epoch milliseconds near now, got {Show(actual)}",
            _ => throw new InvalidOperationException($"{where}: unknown pattern {pattern}"),
        };
    }

    static bool IsPattern(string text) =>
        text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal)
        && (text[2..^2] is "any" or "hex32" or "millis" || text.StartsWith("{{capture:", StringComparison.Ordinal) || text.StartsWith("{{contains:", StringComparison.Ordinal));

    string Substitute(string text) => Reference().Replace(text, m =>
        _captured.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new InvalidOperationException($"{{{{{m.Groups[1].Value}}}}} is used before it is captured"));

    static string Show(JsonNode? node) => node is null ? "nothing" : node.ToJsonString();
}
