using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Neural.Layers;

namespace Kiln.Neural.Config;

/// <summary>
/// Reads one object of a model config — a layer, the compile settings, the optimizer — with errors that say where
/// (<see cref="Where"/>, e.g. "spec.json: layer 3 (dense)") and which key is wrong; keys it does not take are errors too.
/// </summary>
internal sealed class ConfigReader(JsonObject json, string where)
{
    readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public string Where { get; } = where;

    public bool Has(string key) => json[key] is not null;

    public int Int(string key, int? fallback = null) =>
        Read(key, fallback is null, fallback ?? 0, "a whole number", n => n is JsonValue v && v.TryGetValue<int>(out var i) ? (true, i) : (false, 0));

    public int? OptionalInt(string key) => Has(key) ? Int(key) : Consume(key, (int?)null);

    public double Double(string key, double? fallback = null) =>
        Read(key, fallback is null, fallback ?? 0, "a number", n => n is JsonValue v && v.TryGetValue<double>(out var d) ? (true, d) : (false, 0.0));

    public double? OptionalDouble(string key) => Has(key) ? Double(key) : Consume(key, (double?)null);

    public bool Bool(string key, bool? fallback = null) =>
        Read(key, fallback is null, fallback ?? false, "true or false", n => n is JsonValue v && v.TryGetValue<bool>(out var b) ? (true, b) : (false, false));

    public string Text(string key, string? fallback = null) =>
        Read(key, fallback is null, fallback ?? "", "text", n => n is JsonValue v && v.TryGetValue<string>(out var s) ? (true, s) : (false, ""));

    public long[] Shape(string key) => Read(key, true, Array.Empty<long>(), "a list of whole numbers",
        n => n is JsonArray a && a.All(d => d is JsonValue v && v.TryGetValue<long>(out _)) ? (true, a.Select(d => d!.GetValue<long>()).ToArray()) : (false, []));

    public JsonNode? Node(string key)
    {
        _read.Add(key);
        return json[key];
    }

    public ActivationFunction Activation(string key = "activation") =>
        Named(key, Enum.GetValues<ActivationFunction>(), ConfigNames.Of, ActivationFunction.Linear);

    public Padding Padding(string key = "padding") => Named(key, Enum.GetValues<Padding>(), ConfigNames.Of, Layers.Padding.Valid);

    public Initializer Initializer(string key = "kernel_initializer") =>
        Named(key, [.. Layers.Initializer.All], ConfigNames.Of, Layers.Initializer.GlorotUniform);

    /// <summary>A kernel regularizer written as {"l1": a, "l2": b}, or null for none.</summary>
    public Regularizer? Regularizer(string key = "kernel_regularizer")
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is not JsonObject obj) throw Bad(key, "an object such as {\"l2\": 0.01}, or null", node);
        var inner = new ConfigReader(obj, $"{Where}, {key}");
        var result = Layers.Regularizer.L1L2(inner.Double("l1", 0), inner.Double("l2", 0));
        inner.Done();
        return result;
    }

    /// <summary>A value given by name among <paramref name="choices"/>, compared loosely ("leaky-relu" or "leaky_relu").</summary>
    public T Named<T>(string key, IReadOnlyList<T> choices, Func<T, string> nameOf, T fallback)
    {
        var text = Text(key, nameOf(fallback));
        foreach (var choice in choices)
            if (nameOf(choice) == ConfigNames.Normalise(text)) return choice;
        throw new InvalidDataException($"{Where}: '{key}' is \"{text}\"; it takes one of {string.Join(", ", choices.Select(nameOf))}");
    }

    /// <summary>Fails on any key that was not read: a misspelt or unknown setting is an error, not silently ignored.</summary>
    public void Done()
    {
        var unknown = json.Select(p => p.Key).Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"{Where}: unknown key{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(k => $"'{k}'"))}" +
                (_read.Count > 0 ? $"; it takes {string.Join(", ", _read.Order(StringComparer.Ordinal))}" : "; it takes no settings"));
    }

    public InvalidDataException Bad(string key, string expected, JsonNode? node) =>
        new($"{Where}: '{key}' must be {expected}, not {node?.ToJsonString() ?? "null"}");

    T Consume<T>(string key, T value)
    {
        _read.Add(key);
        return value;
    }

    T Read<T>(string key, bool required, T fallback, string expected, Func<JsonNode, (bool Ok, T Value)> read)
    {
        _read.Add(key);
        var node = json[key];
        if (node is null) return required ? throw new InvalidDataException($"{Where}: '{key}' is missing; give {expected}") : fallback;
        try
        {
            var (ok, value) = read(node);
            return ok ? value : throw Bad(key, expected, node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            throw Bad(key, expected, node);
        }
    }
}
