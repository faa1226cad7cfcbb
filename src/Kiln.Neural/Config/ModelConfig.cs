using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Neural.Layers;

namespace Kiln.Neural.Config;

/// <summary>
/// A model's architecture and compile settings as JSON, in Keras' shape and with its snake_case names (Keras'
/// model.to_json and model_from_json). A sequential model:
/// <code>{"model": "sequential", "input_shape": [1, 28, 28],
///  "layers": [{"type": "conv2d", "filters": 32, "kernel_size": 3, "padding": "same", "activation": "relu"}, …],
///  "compile": {"optimizer": {"type": "adam", "learning_rate": 0.001}, "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]}}</code>
/// A functional one names its inputs and nodes: <c>{"model": "functional", "inputs": [{"name": "a", "shape": [4]}],
/// "layers": [{"name": "hidden", "type": "dense", "units": 8, "inputs": ["a"]}, …], "output": "hidden"}</c>; a node
/// <c>{"name": …, "shares": "hidden", "inputs": […]}</c> applies an earlier node's layer again, sharing its weights.
/// Written configs hold every setting; read ones may leave out any that has a default. Weights are not part of it.
/// </summary>
public static class ModelConfig
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Every layer and merge type name a config may use.</summary>
    public static IReadOnlyList<string> LayerTypeNames => LayerTypes.Names;

    /// <summary>Every optimizer type name a config may use.</summary>
    public static IReadOnlyList<string> OptimizerNames => CompileConfig.OptimizerNames;

    /// <summary>An optimizer with its defaults by its config name ("adam", "sgd" …).</summary>
    public static Training.Optimizer OptimizerNamed(string name) => CompileConfig.ReadOptimizer(JsonValue.Create(name), "optimizer");

    /// <summary>The model's config, with its compile settings when it has been compiled.</summary>
    public static JsonObject ToJson(Model model)
    {
        var config = model switch
        {
            Sequential sequential => Sequential(sequential),
            Functional functional => Functional(functional),
            _ => throw new NotSupportedException($"{model.GetType().Name} models cannot be written as a config"),
        };
        if (model.CompiledOptimizer is { } optimizer && model.CompiledLoss is { } loss)
            config["compile"] = CompileConfig.Write(optimizer, loss, model.CompiledMetrics);
        return config;
    }

    /// <summary>The config as indented JSON text.</summary>
    public static string ToJsonString(Model model) => ToJson(model).ToJsonString(Indented);

    /// <summary>
    /// Builds the model a config describes with fresh weights drawn from <paramref name="seed"/>, compiled when the
    /// config has a "compile" part. Errors start with <paramref name="source"/> and name the layer index and key.
    /// </summary>
    public static Model FromJson(string json, long seed = 0, string source = "config")
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON: {e.Message}", e);
        }
        return FromJson(node as JsonObject ?? throw new InvalidDataException($"{source}: a model config is a JSON object"), seed, source);
    }

    /// <inheritdoc cref="FromJson(string, long, string)"/>
    public static Model FromJson(JsonObject config, long seed = 0, string source = "config")
    {
        // re-parse so values built in code read the same way as values read from text
        config = (JsonObject)JsonNode.Parse(config.ToJsonString())!;
        var reader = new ConfigReader(config, source);
        var kind = reader.Text("model", "sequential");
        Model model = ConfigNames.Normalise(kind) switch
        {
            "sequential" => ReadSequential(reader, seed, source),
            "functional" => ReadFunctional(reader, seed, source),
            _ => throw new InvalidDataException($"{source}: 'model' is \"{kind}\"; it takes sequential or functional"),
        };
        try
        {
            if (reader.Node("compile") is { } compile)
            {
                var (optimizer, loss, metrics) = CompileConfig.Read(compile, $"{source}: compile");
                try
                {
                    model.Compile(optimizer, loss, metrics);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{source}: compile, optimizer: {e.Message.Split(" (Parameter")[0]}", e);
                }
            }
            reader.Done();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Reads a config file; errors name the file.</summary>
    public static Model Load(string path, long seed = 0)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"model config {path} does not exist", path);
        return FromJson(File.ReadAllText(path), seed, Path.GetFileName(path));
    }

    static JsonObject Sequential(Sequential model) => new()
    {
        ["model"] = "sequential",
        ["input_shape"] = Shape(model.InputShape),
        ["layers"] = new JsonArray([.. model.Layers.Select(l => (JsonNode)LayerTypes.Write(l))]),
    };

    static JsonObject Functional(Functional model)
    {
        var names = new Dictionary<Node, string>(ReferenceEqualityComparer.Instance);
        var firstUse = new Dictionary<Layer, string>(ReferenceEqualityComparer.Instance);
        var inputs = new JsonArray();
        for (var i = 0; i < model.Inputs.Count; i++)
        {
            var input = model.Inputs[i];
            names[input] = input.Name ?? $"input_{i}";
            inputs.Add(new JsonObject { ["name"] = names[input], ["shape"] = Shape(input.Shape) });
        }
        var layers = new JsonArray();
        var order = model.Order;
        for (var i = 0; i < order.Count; i++)
        {
            var node = order[i];
            if (node is Input) continue;
            JsonObject entry;
            if (node.Layer is { } layer && firstUse.TryGetValue(layer, out var owner))
                entry = new JsonObject { ["shares"] = owner };
            else
                entry = LayerTypes.Write((object?)node.Layer ?? node.Merge!);
            var name = $"{ConfigNames.Normalise(node.Kind)}_{i}";
            names[node] = name;
            if (node.Layer is { } first) firstUse.TryAdd(first, name);
            var named = new JsonObject { ["name"] = name };
            foreach (var (key, value) in entry) named[key] = value?.DeepClone();
            named["inputs"] = new JsonArray([.. node.Inbound.Select(n => (JsonNode)names[n])]);
            layers.Add(named);
        }
        return new JsonObject
        {
            ["model"] = "functional",
            ["inputs"] = inputs,
            ["layers"] = layers,
            ["output"] = names[model.Output],
        };
    }

    static Sequential ReadSequential(ConfigReader reader, long seed, string source)
    {
        var shape = reader.Shape("input_shape");
        var layers = new List<Layer>();
        foreach (var (node, i) in LayerList(reader))
        {
            var where = $"{source}: layer {i}";
            layers.Add(LayerTypes.Read(node, where) as Layer ?? throw new InvalidDataException($"{where}: a merge needs a functional model, whose nodes name their inputs"));
        }
        IReadOnlyList<long> current = shape;
        for (var i = 0; i < layers.Count; i++)
        {
            try
            {
                current = layers[i].OutputShape(current);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{source}: layer {i} ({LayerTypes.Write(layers[i])["type"]}): {e.Message.Split(" (Parameter")[0]}", e);
            }
        }
        try
        {
            return new Sequential(shape, layers, seed);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message.Split(" (Parameter")[0]}", e);
        }
    }

    static Functional ReadFunctional(ConfigReader reader, long seed, string source)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var layersByNode = new Dictionary<string, Layer>(StringComparer.Ordinal);
        var inputs = new List<Input>();
        var inputsNode = reader.Node("inputs");
        if (inputsNode is not JsonArray inputList || inputList.Count == 0) throw reader.Bad("inputs", "a list of {\"name\": …, \"shape\": […]}", inputsNode);
        for (var i = 0; i < inputList.Count; i++)
        {
            var where = $"{source}: input {i}";
            var inputReader = new ConfigReader(inputList[i] as JsonObject ?? throw new InvalidDataException($"{where}: must be an object with name and shape"), where);
            var name = inputReader.Text("name");
            var shape = inputReader.Shape("shape");
            inputReader.Done();
            Input input;
            try
            {
                input = new Input(shape, name);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{where}: 'shape' {e.Message.Split(" (Parameter")[0]}", e);
            }
            if (!nodes.TryAdd(name, input)) throw new InvalidDataException($"{where}: the name '{name}' is used twice");
            inputs.Add(input);
        }
        foreach (var (node, i) in LayerList(reader))
        {
            var where = $"{source}: layer {i}";
            if (node is not JsonObject json) throw new InvalidDataException($"{where}: must be an object with name, type and inputs");
            var nodeReader = new ConfigReader(json, where);
            var name = nodeReader.Text("name");
            var inbound = new List<Node>();
            var inboundNode = nodeReader.Node("inputs");
            if (inboundNode is not JsonArray inboundList || inboundList.Count == 0) throw nodeReader.Bad("inputs", "a list of earlier node names", inboundNode);
            foreach (var item in inboundList)
            {
                var from = item is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw nodeReader.Bad("inputs", "a list of earlier node names", inboundNode);
                inbound.Add(nodes.TryGetValue(from, out var found) ? found
                    : throw new InvalidDataException($"{where}: 'inputs' names '{from}', which is not an input or an earlier layer"));
            }
            Node result;
            try
            {
                if (json["shares"] is not null)
                {
                    var owner = nodeReader.Text("shares");
                    nodeReader.Done();
                    var layer = layersByNode.TryGetValue(owner, out var shared) ? shared
                        : throw new InvalidDataException($"{where}: 'shares' names '{owner}', which is not an earlier layer node");
                    result = ApplyOne(layer, inbound, where);
                    layersByNode[name] = layer;
                }
                else
                {
                    var built = LayerTypes.Read(json, where, "name", "inputs");
                    if (built is Layer layer)
                    {
                        result = ApplyOne(layer, inbound, where);
                        layersByNode[name] = layer;
                    }
                    else result = ((Merge)built).Apply([.. inbound]);
                }
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{where}: {e.Message.Split(" (Parameter")[0]}", e);
            }
            if (!nodes.TryAdd(name, result)) throw new InvalidDataException($"{where}: the name '{name}' is used twice");
        }
        var outputName = reader.Text("output");
        var output = nodes.TryGetValue(outputName, out var o) ? o : throw new InvalidDataException($"{source}: 'output' names '{outputName}', which is not a node");
        try
        {
            return new Functional(inputs, output, seed);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message.Split(" (Parameter")[0]}", e);
        }
    }

    static Node ApplyOne(Layer layer, List<Node> inbound, string where) => inbound.Count == 1
        ? layer.Apply(inbound[0])
        : throw new InvalidDataException($"{where}: a layer takes one input, not {inbound.Count}; merge them first (add, concatenate)");

    static IEnumerable<(JsonNode? Node, int Index)> LayerList(ConfigReader reader)
    {
        var node = reader.Node("layers");
        if (node is not JsonArray list || list.Count == 0) throw reader.Bad("layers", "a non-empty list of layers", node);
        return list.Select((n, i) => (n, i));
    }

    static JsonArray Shape(IReadOnlyList<long> shape) => new([.. shape.Select(d => (JsonNode)d)]);
}
