using System.Text.Json.Nodes;
using Kiln.Learn;
using Kiln.Neural.Layers;

namespace Kiln.Neural.Config;

/// <summary>
/// The one map between config type names (Keras' snake_case layer names) and Kiln's layer and merge classes; configs
/// are written and read through it, and every name it does not hold is an error that lists the ones it does.
/// </summary>
internal static class LayerTypes
{
    sealed record Entry(string Name, Type Class, Func<ConfigReader, object> Read);

    static readonly Entry[] Entries =
    [
        new("dense", typeof(Dense), Dense.FromConfig),
        new("conv1d", typeof(Conv1D), Conv1D.FromConfig),
        new("conv2d", typeof(Conv2D), Conv2D.FromConfig),
        new("max_pooling2d", typeof(MaxPooling2D), MaxPooling2D.FromConfig),
        new("average_pooling2d", typeof(AveragePooling2D), AveragePooling2D.FromConfig),
        new("global_average_pooling2d", typeof(GlobalAveragePooling2D), GlobalAveragePooling2D.FromConfig),
        new("flatten", typeof(Flatten), Flatten.FromConfig),
        new("reshape", typeof(Reshape), Reshape.FromConfig),
        new("dropout", typeof(Dropout), Dropout.FromConfig),
        new("activation", typeof(Activation), Activation.FromConfig),
        new("leaky_relu", typeof(LeakyRelu), LeakyRelu.FromConfig),
        new("elu", typeof(Elu), Elu.FromConfig),
        new("batch_normalization", typeof(BatchNormalization), BatchNormalization.FromConfig),
        new("layer_normalization", typeof(LayerNormalization), LayerNormalization.FromConfig),
        new("rescaling", typeof(Rescaling), Rescaling.FromConfig),
        new("embedding", typeof(Embedding), Embedding.FromConfig),
        new("simple_rnn", typeof(SimpleRnn), SimpleRnn.FromConfig),
        new("lstm", typeof(Lstm), Lstm.FromConfig),
        new("gru", typeof(Gru), Gru.FromConfig),
        new("add", typeof(Add), Add.FromConfig),
        new("concatenate", typeof(Concatenate), Concatenate.FromConfig),
    ];

    /// <summary>Every type name, layers and merges, in the order above.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>A layer's or merge's config: "type" first, then its settings.</summary>
    public static JsonObject Write(object layerOrMerge)
    {
        var entry = Entries.FirstOrDefault(e => e.Class == layerOrMerge.GetType())
            ?? throw new NotSupportedException($"{layerOrMerge.GetType().Name} has no config type name, so a model holding it cannot be written as JSON");
        var config = new JsonObject { ["type"] = entry.Name };
        if (layerOrMerge is Layer layer) layer.WriteConfig(config);
        else ((Merge)layerOrMerge).WriteConfig(config);
        return config;
    }

    /// <summary>
    /// The layer or merge a config describes; <paramref name="where"/> (e.g. "spec.json: layer 3") starts every error.
    /// Keys in <paramref name="skip"/> belong to the model around the layer (a functional node's name and inputs).
    /// </summary>
    public static object Read(JsonNode? node, string where, params string[] skip)
    {
        if (node is not JsonObject json) throw new InvalidDataException($"{where}: must be an object with a \"type\", not {node?.ToJsonString() ?? "null"}");
        var type = json["type"] is JsonValue v && v.TryGetValue<string>(out var text) ? text
            : throw new InvalidDataException($"{where}: 'type' is missing; give one of {string.Join(", ", Names)}");
        var entry = Entries.FirstOrDefault(e => e.Name == ConfigNames.Normalise(type))
            ?? throw new InvalidDataException($"{where}: 'type' is \"{type}\", which Kiln does not know; it takes one of {string.Join(", ", Names)}");
        var reader = new ConfigReader(json, $"{where} ({entry.Name})");
        reader.Node("type");
        foreach (var key in skip) reader.Node(key);
        object layer;
        try
        {
            layer = entry.Read(reader);
        }
        catch (ArgumentException e)
        {
            var key = e.ParamName is { } name ? $" '{ConfigNames.Snake(name)}'" : "";
            throw new InvalidDataException($"{reader.Where}:{key} {ArgumentMessages.Own(e)}", e);
        }
        reader.Done();
        return layer;
    }
}
