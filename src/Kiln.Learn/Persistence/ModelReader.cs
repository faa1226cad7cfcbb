using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Learn;

/// <summary>Reads back what a <see cref="ModelWriter"/> wrote; a missing or mistyped entry is a clear <see cref="InvalidDataException"/>.</summary>
public sealed class ModelReader
{
    readonly JsonObject _state;
    readonly IReadOnlyDictionary<string, byte[]> _arrays;
    readonly string _path;

    public ModelReader(JsonObject state, IReadOnlyDictionary<string, byte[]> arrays) : this(state, arrays, "", null!, null!) { }

    ModelReader(JsonObject state, IReadOnlyDictionary<string, byte[]> arrays, string path, IEstimator estimator, InputSchema schema)
    {
        _state = state;
        _arrays = arrays;
        _path = path;
        Estimator = estimator;
        Schema = schema;
    }

    /// <summary>The estimator (with its hyperparameters) of the model being loaded.</summary>
    public IEstimator Estimator { get; }

    /// <summary>The input schema of the model being loaded.</summary>
    public InputSchema Schema { get; }

    public bool Has(string key) => _state.ContainsKey(key);

    public double ReadDouble(string key) => Value(key).GetValue<double>();
    public long ReadInt64(string key) => Value(key).GetValue<long>();
    public int ReadInt32(string key) => checked((int)ReadInt64(key));
    public bool ReadBool(string key) => Value(key).GetValue<bool>();
    public string ReadString(string key) => Value(key).GetValue<string>();
    public string? ReadNullableString(string key) => Node(key) is null ? null : ReadString(key);

    public string?[] ReadStrings(string key) =>
        Node(key) is JsonArray array ? [.. array.Select(n => n?.GetValue<string>())] : throw Bad(key, "a list of strings");

    public double[] ReadDoubles(string key) => ReadNumbers<double>(key, "float64");
    public long[] ReadInt64s(string key) => ReadNumbers<long>(key, "int64");
    public int[] ReadInt32s(string key) => ReadNumbers<int>(key, "int32");

    public ModelReader Section(string key) =>
        Node(key) is JsonObject child ? new ModelReader(child, _arrays, $"{_path}{key}/", Estimator, Schema) : throw Bad(key, "a section");

    internal ModelReader ForModel(IEstimator estimator, InputSchema schema) => new(_state, _arrays, _path, estimator, schema);

    internal JsonObject Raw => _state;

    /// <summary>A fitted model nested in this one.</summary>
    public IModel ReadModel(string key) => ModelFormat.Read(Section(key));

    T[] ReadNumbers<T>(string key, string type) where T : unmanaged
    {
        if (Node(key) is not JsonObject entry || entry["type"]?.GetValue<string>() != type) throw Bad(key, $"a {type} array");
        if (entry["values"] is JsonArray inline)
            return [.. inline.Select(n => (T)Convert.ChangeType(n!.GetValue<long>(), typeof(T), System.Globalization.CultureInfo.InvariantCulture))];
        var name = entry["array"]?.GetValue<string>() ?? throw Bad(key, $"a {type} array");
        if (!_arrays.TryGetValue(name, out var bytes)) throw new InvalidDataException($"model package: the array '{name}' is missing");
        var length = entry["length"]?.GetValue<int>() ?? -1;
        if (bytes.Length != length * Marshal.SizeOf<T>())
            throw new InvalidDataException($"model package: the array '{name}' holds {bytes.Length} bytes, expected {length} {type} values");
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    JsonNode? Node(string key) =>
        _state.TryGetPropertyValue(key, out var node) ? node : throw new InvalidDataException($"model package: '{_path}{key}' is missing");

    JsonValue Value(string key)
    {
        try
        {
            return Node(key) as JsonValue ?? throw Bad(key, "a value");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"model package: '{_path}{key}' is not readable: {e.Message}", e);
        }
    }

    InvalidDataException Bad(string key, string expected) => new($"model package: '{_path}{key}' is not {expected}");
}
