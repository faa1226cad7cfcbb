using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// A fitted model as one zip file: <c>manifest.json</c> (what the model is, how it was made and the SHA-256 of every
/// other entry), <c>model.json</c> (its state) and <c>arrays/*.bin</c> (little-endian numbers). Loading checks the
/// format version and every hash before reading the model (see <see cref="PackageArchive"/>, which neural-network
/// packages share), and only ever reads JSON and numbers: nothing in a package names code to run; the model types
/// come from Kiln's own catalog.
/// </summary>
public static class ModelPackage
{
    /// <summary>The newest package layout this Kiln writes and reads.</summary>
    public const int FormatVersion = PackageArchive.FormatVersion;

    /// <summary>The manifest kind of neural-network packages, which this class refuses with a message saying so.</summary>
    public const string NeuralNetworkKind = "neural-network";

    const string ManifestEntry = PackageArchive.ManifestEntry;
    const string ModelEntry = "model.json";
    const string ArrayFolder = "arrays/";

    /// <summary>The version of Kiln that writes packages (the library's version without build metadata).</summary>
    public static string KilnVersion => PackageArchive.KilnVersion;

    /// <summary>Writes the model to <paramref name="path"/> atomically: a reader sees the old file or the whole new one.</summary>
    public static void Save(IModel model, string path, PackageInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var writer = new ModelWriter();
        ModelFormat.Write(writer, model);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [ModelEntry] = PackageArchive.JsonBytes(writer.State) };
        foreach (var (name, bytes) in writer.Arrays) entries[name] = bytes;
        // arrays are dense numbers that barely compress; storing them keeps loading a plain copy
        PackageArchive.Write(path, ManifestOf(model, info), entries, name => name.StartsWith(ArrayFolder, StringComparison.Ordinal));
    }

    /// <summary>Reads a package back after checking that it is whole, untampered and not from a newer Kiln.</summary>
    public static IModel Load(string path)
    {
        var (manifestJson, entries) = PackageArchive.Read(path);
        if (PackageArchive.KindOf(manifestJson) == NeuralNetworkKind)
            throw new InvalidDataException($"{path} is a neural-network package ('{manifestJson["estimator"]}'), not a tabular model; load it as a neural network (kiln predict reads both)");
        var manifest = ParseManifest(path, manifestJson);
        if (!entries.ContainsKey(ModelEntry))
            throw new InvalidDataException($"{path}: the package has no {ModelEntry}");
        JsonObject state;
        try
        {
            state = JsonNode.Parse(entries[ModelEntry]) as JsonObject
                ?? throw new InvalidDataException($"{path}: {ModelEntry} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {ModelEntry} is not valid JSON: {e.Message}", e);
        }
        var arrays = entries.Where(e => e.Key.StartsWith(ArrayFolder, StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        IModel model;
        try
        {
            model = ModelFormat.Read(new ModelReader(state, arrays));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        var (kind, estimator) = (ModelFormat.KindOf(model), NameOf(model));
        if (kind != manifest.Kind || estimator != manifest.Estimator)
            throw new InvalidDataException($"{path}: the manifest says {manifest.Kind} '{manifest.Estimator}' but the model is {kind} '{estimator}'");
        return model;
    }

    /// <summary>The manifest alone, for listing packages: the format version is checked, the entries' hashes are not.</summary>
    public static PackageManifest ReadManifest(string path) => ParseManifest(path, PackageArchive.ReadManifest(path));

    static string NameOf(IModel model) => model is ICompositeModel composite ? composite.Kind : EstimatorCatalog.NameOf(model.Estimator);

    static JsonObject ManifestOf(IModel model, PackageInfo? info)
    {
        var metrics = new JsonObject();
        foreach (var (name, value) in info?.Metrics ?? new Dictionary<string, double>())
            metrics[name] = double.IsFinite(value) ? value : throw new ArgumentException($"metric '{name}' is {value}; package metrics must be finite", nameof(info));
        return new JsonObject
        {
            ["kind"] = ModelFormat.KindOf(model),
            ["estimator"] = NameOf(model),
            ["parameters"] = Describe(model),
            ["inputSchema"] = new JsonArray([.. model.Schema.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type.Name() })]),
            ["classes"] = ClassesOf(model) is { } classes ? new JsonArray([.. classes.Select(c => (JsonNode)JsonValue.Create(c))]) : null,
            ["metrics"] = metrics,
            ["dataFingerprint"] = info?.DataFingerprint,
            ["seed"] = info?.Seed,
        };
    }

    /// <summary>An estimator's hyperparameters; a composite's parts, each with its own.</summary>
    static JsonObject Describe(IModel model)
    {
        if (model is not ICompositeModel composite) return ModelFormat.ParametersOf(model.Estimator);
        var parts = new JsonArray();
        foreach (var part in composite.Parts)
            parts.Add(new JsonObject
            {
                ["name"] = part.Name,
                ["kind"] = ModelFormat.KindOf(part.Model),
                ["estimator"] = NameOf(part.Model),
                ["parameters"] = Describe(part.Model),
            });
        return new JsonObject { ["parts"] = parts };
    }

    static string[]? ClassesOf(IModel model)
    {
        // a pipeline implements every role and plays its last step's, so look through it
        while (model is Compose.PipelineModel pipeline) model = pipeline.Final;
        if (model is not IClassifierModel classifier) return null;
        var classes = classifier.Classes;
        return [.. Enumerable.Range(0, classes.Length).Select(classes.Format)];
    }

    static PackageManifest ParseManifest(string path, JsonObject json)
    {
        var fields = new ManifestFields(path, json);
        return new PackageManifest(
            fields.Int("formatVersion"),
            fields.Text("kilnVersion"),
            fields.Time("created"),
            fields.Text("estimator"),
            fields.Text("kind"),
            fields.Object("parameters"),
            fields.Schema("inputSchema"),
            fields.OptionalTexts("classes"),
            fields.Numbers("metrics"),
            fields.OptionalText("dataFingerprint"),
            fields.OptionalInt64("seed"),
            fields.Hashes("entries"));
    }

    /// <summary>Reads manifest fields with errors that name the file and the field.</summary>
    sealed class ManifestFields(string path, JsonObject json)
    {
        public int Int(string key) => Get(key, "a whole number", n => n is JsonValue v && v.TryGetValue<int>(out var i) ? i : null as int?)!.Value;

        public long? OptionalInt64(string key) =>
            json[key] is null ? null : Get(key, "a whole number", n => n is JsonValue v && v.TryGetValue<long>(out var l) ? l : null as long?);

        public string Text(string key) => Get(key, "text", n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)!;

        public string? OptionalText(string key) => json[key] is null ? null : Text(key);

        public JsonObject Object(string key) => (JsonObject)Get(key, "an object", n => (n as JsonObject)?.DeepClone())!;

        public DateTimeOffset Time(string key) =>
            DateTimeOffset.TryParse(Text(key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : throw Bad(key, "a time");

        public IReadOnlyList<string>? OptionalTexts(string key) =>
            json[key] is null ? null
            : Get(key, "a list of text", n => n is JsonArray a && a.All(x => x is JsonValue v && v.TryGetValue<string>(out _)) ? a.Select(x => x!.GetValue<string>()).ToArray() : null);

        public IReadOnlyDictionary<string, double> Numbers(string key) =>
            Get(key, "an object of numbers", n => n is JsonObject o && o.All(p => p.Value is JsonValue v && v.TryGetValue<double>(out _))
                ? o.ToDictionary(p => p.Key, p => p.Value!.GetValue<double>(), StringComparer.Ordinal) : null)!;

        public IReadOnlyDictionary<string, string> Hashes(string key) =>
            Get(key, "an object of SHA-256 hashes", n => n is JsonObject o && o.All(p => p.Value is JsonValue v && v.TryGetValue<string>(out var h) && h.Length == 64)
                ? o.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal) : null)!;

        public InputSchema Schema(string key) =>
            Get(key, "a list of columns with name and type", n => n is JsonArray a && a.All(c => c is JsonObject o && o["name"] is JsonValue && o["type"] is JsonValue)
                ? new InputSchema([.. a.Select(c => new InputColumn(c!["name"]!.GetValue<string>(), DataTypeNames.Parse(c["type"]!.GetValue<string>())))])
                : null)!;

        T? Get<T>(string key, string expected, Func<JsonNode?, T?> read)
        {
            if (!json.TryGetPropertyValue(key, out var node)) throw new InvalidDataException($"{path}: {ManifestEntry} lacks '{key}'");
            try
            {
                return read(node) ?? throw Bad(key, expected);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
            {
                throw new InvalidDataException($"{path}: {ManifestEntry} field '{key}' is not {expected}: {e.Message}", e);
            }
        }

        InvalidDataException Bad(string key, string expected) => new($"{path}: {ManifestEntry} field '{key}' is not {expected}");
    }
}
