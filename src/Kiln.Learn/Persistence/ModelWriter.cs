using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Kiln.Learn;

/// <summary>
/// Where a fitted model writes its state for a model package: named scalars and short lists go to JSON,
/// long numeric arrays to little-endian binary entries. Nothing written here can run code when read back.
/// </summary>
public sealed class ModelWriter
{
    const int InlineLimit = 64;
    readonly JsonObject _state;
    readonly Dictionary<string, byte[]> _arrays;
    readonly string _path;

    /// <summary>A writer for a whole package: its JSON state and its binary arrays.</summary>
    public ModelWriter() : this(new JsonObject(), new Dictionary<string, byte[]>(StringComparer.Ordinal), "") { }

    ModelWriter(JsonObject state, Dictionary<string, byte[]> arrays, string path)
    {
        _state = state;
        _arrays = arrays;
        _path = path;
    }

    public JsonObject State => _state;
    public IReadOnlyDictionary<string, byte[]> Arrays => _arrays;

    public void Write(string key, double value) => Set(key, JsonValue.Create(value));
    public void Write(string key, long value) => Set(key, JsonValue.Create(value));
    public void Write(string key, bool value) => Set(key, JsonValue.Create(value));
    public void Write(string key, string? value) => Set(key, value is null ? null : JsonValue.Create(value));
    public void Write(string key, IReadOnlyList<string?> values) => Set(key, new JsonArray([.. values.Select(v => v is null ? null : (JsonNode)JsonValue.Create(v))]));
    public void Write(string key, ReadOnlySpan<double> values) => WriteNumbers(key, values, "float64");
    public void Write(string key, ReadOnlySpan<long> values) => WriteNumbers(key, values, "int64");
    public void Write(string key, ReadOnlySpan<int> values) => WriteNumbers(key, values, "int32");

    /// <summary>A nested section, for models made of parts (trees of a forest, steps of a pipeline).</summary>
    public ModelWriter Section(string key)
    {
        var child = new JsonObject();
        Set(key, child);
        return new ModelWriter(child, _arrays, $"{_path}{key}/");
    }

    /// <summary>A fitted model inside this one: its estimator, parameters, input schema and own state.</summary>
    public void WriteModel(string key, IModel model) => ModelFormat.Write(Section(key), model);

    void WriteNumbers<T>(string key, ReadOnlySpan<T> values, string type) where T : unmanaged
    {
        if (values.Length <= InlineLimit && typeof(T) != typeof(double))
        {
            var array = new JsonArray();
            foreach (var v in values) array.Add(JsonValue.Create(Convert.ToInt64(v)));
            Set(key, new JsonObject { ["type"] = type, ["values"] = array });
            return;
        }
        var name = $"arrays/{_path}{key}.bin";
        _arrays[name] = MemoryMarshal.AsBytes(values).ToArray();
        Set(key, new JsonObject { ["type"] = type, ["array"] = name, ["length"] = values.Length });
    }

    void Set(string key, JsonNode? value)
    {
        if (_state.ContainsKey(key)) throw new InvalidOperationException($"model state '{_path}{key}' is written twice");
        _state[key] = value;
    }
}
