using System.Text;
using System.Text.Json.Nodes;
using Kiln.Learn;
using Kiln.Neural.Config;

namespace Kiln.Neural.Packaging;

/// <summary>
/// A neural network as one .kiln file, in the same zip, manifest and hash layout as tabular model packages
/// (<see cref="PackageArchive"/>): <c>architecture.json</c> (its <see cref="ModelConfig"/>, compile settings included),
/// <c>weights.safetensors</c>, and in the manifest the kind <c>neural-network</c>, the input and output shapes, the class
/// labels and the preprocessing. Loading checks every hash, rebuilds the network from its config and puts the weights
/// back, so it predicts bit for bit as it did when saved.
/// </summary>
public static class NeuralPackage
{
    const string ArchitectureEntry = "architecture.json";
    const string WeightsEntry = "weights.safetensors";

    /// <summary>Writes the network to <paramref name="path"/> atomically: a reader sees the old file or the whole new one.</summary>
    public static void Save(Model model, string path, NeuralPackageInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        info ??= new NeuralPackageInfo();
        info.Preprocessing?.Check();
        var width = model.OutputShape[^1];
        if (info.Classes is { } classes && classes.Count != width && !(width == 1 && classes.Count == 2))
            throw new ArgumentException($"{classes.Count} class labels for a network with {width} outputs", nameof(info));
        var architecture = ModelConfig.ToJson(model);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ArchitectureEntry] = PackageArchive.JsonBytes(architecture),
            [WeightsEntry] = WeightsFile.ToBytes(model.NamedWeights()),
        };
        var metrics = new JsonObject();
        foreach (var (name, value) in info.Metrics ?? new Dictionary<string, double>())
            metrics[name] = double.IsFinite(value) ? value : throw new ArgumentException($"metric '{name}' is {value}; package metrics must be finite", nameof(info));
        var fields = new JsonObject
        {
            ["kind"] = ModelPackage.NeuralNetworkKind,
            ["estimator"] = architecture["model"]!.GetValue<string>(),
            ["parameters"] = architecture["compile"]?.DeepClone() ?? new JsonObject(),
            ["inputSchema"] = new JsonArray(),
            ["classes"] = info.Classes is { } labels ? new JsonArray([.. labels.Select(c => (JsonNode)c)]) : null,
            ["metrics"] = metrics,
            ["dataFingerprint"] = info.DataFingerprint,
            ["seed"] = info.Seed,
            ["inputShapes"] = new JsonArray([.. model.InputShapes.Select(s => (JsonNode)Shape(s))]),
            ["outputShape"] = Shape(model.OutputShape),
            ["preprocessing"] = info.Preprocessing is { } p ? Preprocessing(p) : null,
        };
        // weights are dense numbers that barely compress; storing them keeps loading a plain copy
        PackageArchive.Write(path, fields, entries, name => name == WeightsEntry);
    }

    /// <summary>Reads a package back after checking that it is whole, untampered, not from a newer Kiln and a neural network.</summary>
    public static PackagedNetwork Load(string path)
    {
        var (manifest, entries) = PackageArchive.Read(path);
        var kind = PackageArchive.KindOf(manifest);
        if (kind != ModelPackage.NeuralNetworkKind)
            throw new InvalidDataException($"{path} is a tabular model package ({kind} '{manifest["estimator"]}'), not a neural network; load it as a tabular model (kiln predict reads both)");
        foreach (var entry in new[] { ArchitectureEntry, WeightsEntry })
            if (!entries.ContainsKey(entry)) throw new InvalidDataException($"{path}: the package has no {entry}");
        var model = ModelConfig.FromJson(Encoding.UTF8.GetString(entries[ArchitectureEntry]), 0, $"{path}: {ArchitectureEntry}");
        try
        {
            model.LoadNamedWeights(WeightsFile.FromBytes(entries[WeightsEntry], $"{path}: {WeightsEntry}"), $"{path}: {WeightsEntry}");
            var shapes = new JsonArray([.. model.InputShapes.Select(s => (JsonNode)Shape(s))]);
            if (!JsonNode.DeepEquals(JsonNode.Parse(shapes.ToJsonString()), manifest["inputShapes"]))
                throw new InvalidDataException($"{path}: the manifest's input shapes {manifest["inputShapes"]?.ToJsonString()} are not the architecture's {shapes.ToJsonString()}");
            return new PackagedNetwork(model, ReadInfo(path, manifest));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    static NeuralPackageInfo ReadInfo(string path, JsonObject manifest)
    {
        var reader = new ConfigReader(manifest, $"{path}: {PackageArchive.ManifestEntry}");
        string[]? classes = null;
        if (reader.Node("classes") is JsonArray labels)
            classes = [.. labels.Select(l => l is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw reader.Bad("classes", "a list of text", labels))];
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (reader.Node("metrics") is JsonObject scores)
            foreach (var (name, value) in scores)
                metrics[name] = value is JsonValue v && v.TryGetValue<double>(out var number) ? number : throw reader.Bad("metrics", "an object of numbers", scores);
        ImagePreprocessing? preprocessing = null;
        if (reader.Node("preprocessing") is JsonObject p)
        {
            var inner = new ConfigReader(p, $"{reader.Where}, preprocessing");
            var size = inner.Has("image_size") ? inner.Shape("image_size") : null;
            preprocessing = new ImagePreprocessing
            {
                Scale = inner.Double("scale", 1),
                Offset = inner.Double("offset", 0),
                ColorMode = inner.Text("color_mode", "grayscale"),
                Height = size is [var h, _] ? (int)h : null,
                Width = size is [_, var w] ? (int)w : null,
            };
        }
        return new NeuralPackageInfo
        {
            Classes = classes,
            Preprocessing = preprocessing,
            Metrics = metrics,
            DataFingerprint = reader.Has("dataFingerprint") ? reader.Text("dataFingerprint") : null,
            Seed = manifest["seed"] is JsonValue seed && seed.TryGetValue<long>(out var s) ? s : null,
        };
    }

    static JsonObject Preprocessing(ImagePreprocessing p) => new()
    {
        ["scale"] = p.Scale,
        ["offset"] = p.Offset,
        ["color_mode"] = p.ColorMode,
        ["image_size"] = p is { Height: { } h, Width: { } w } ? new JsonArray(h, w) : null,
    };

    static JsonArray Shape(IReadOnlyList<long> shape) => new([.. shape.Select(d => (JsonNode)d)]);
}
