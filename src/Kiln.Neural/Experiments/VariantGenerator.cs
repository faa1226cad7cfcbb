using System.Globalization;
using System.Text.Json.Nodes;
using Kiln.Neural.Config;

namespace Kiln.Neural.Experiments;

/// <summary>
/// Turns a base model config and a <see cref="Variation"/> into the variants an experiment trains. Every variant is
/// built once here, so a value that does not fit the base fails before any training, naming the variant; the
/// configs come back as <see cref="ModelConfig.ToJson"/> writes them. A base without a compile part gets Adam and
/// sparse categorical cross-entropy, and accuracy is always among the metrics.
/// </summary>
public static class VariantGenerator
{
    /// <summary>The most variants an experiment takes unless told otherwise: a grid beyond it is refused rather than left running for days.</summary>
    public const int DefaultMaxVariants = 64;

    /// <param name="source">Names the base (its file name) at the start of every error.</param>
    public static IReadOnlyList<ExperimentVariant> Generate(JsonObject baseConfig, ExperimentTraining baseTraining, Variation variation,
        ExperimentMode mode = ExperimentMode.OneAtATime, string source = "base", int maxVariants = DefaultMaxVariants)
    {
        ArgumentNullException.ThrowIfNull(baseConfig);
        ArgumentNullException.ThrowIfNull(baseTraining);
        ArgumentNullException.ThrowIfNull(variation);
        if (maxVariants < 1) throw new ArgumentOutOfRangeException(nameof(maxVariants), maxVariants, "the variant limit must be at least 1");
        var settings = variation.Settings;
        var count = mode == ExperimentMode.Grid
            ? settings.Aggregate(1L, (product, s) => product * s.Values.Count)
            : 1 + settings.Sum(s => s.Values.Count);
        if (count > maxVariants)
            throw new ArgumentException(mode == ExperimentMode.Grid
                ? $"the grid has {count:N0} variants ({string.Join(" × ", settings.Select(s => $"{s.Values.Count} {s.Key}"))}), more than the limit of {maxVariants}; " +
                  $"give fewer values or vary one key at a time ({1 + settings.Sum(s => s.Values.Count)} variants)"
                : $"{count:N0} variants is more than the limit of {maxVariants}; give fewer values", nameof(variation));

        var normalised = Canonical(WithCompile(baseConfig), source);
        var variants = new List<(ExperimentVariant Variant, string Identity)>();
        if (mode == ExperimentMode.OneAtATime)
        {
            var baseVariant = new ExperimentVariant("base", new Dictionary<string, string>(), normalised, baseTraining);
            variants.Add((baseVariant, Identity(baseVariant)));
            foreach (var setting in settings)
                foreach (var value in setting.Values)
                {
                    var variant = Build(normalised, baseTraining, [(setting.Key, value)], source);
                    var identity = Identity(variant);
                    var same = variants.FindIndex(v => v.Identity == identity);
                    if (same < 0) variants.Add((variant, identity));
                    else
                    {
                        // the value the base already has: its run stands for that value too
                        var merged = new Dictionary<string, string>(variants[same].Variant.Settings) { [setting.Key] = value };
                        variants[same] = (variants[same].Variant with { Settings = merged }, identity);
                    }
                }
        }
        else
            foreach (var combination in Combinations(settings))
            {
                var variant = Build(normalised, baseTraining, combination, source);
                variants.Add((variant, Identity(variant)));
            }
        return [.. variants.Select(v => v.Variant)];
    }

    static ExperimentVariant Build(JsonObject normalised, ExperimentTraining baseTraining, IReadOnlyList<(string Key, string Value)> chosen, string source)
    {
        var name = string.Join(", ", chosen.Select(c => $"{c.Key}={c.Value}"));
        var draft = new VariantDraft((JsonObject)normalised.DeepClone(), baseTraining, source);
        foreach (var key in VariationKeys.All)
            foreach (var (_, value) in chosen.Where(c => c.Key == key.Name))
                key.Apply(draft, value);
        var config = Canonical(draft.Config, $"{source} with {name}");
        return new ExperimentVariant(name, chosen.ToDictionary(c => c.Key, c => c.Value), config, draft.Training);
    }

    static IEnumerable<IReadOnlyList<(string Key, string Value)>> Combinations(IReadOnlyList<VariedSetting> settings)
    {
        IEnumerable<IReadOnlyList<(string, string)>> combinations = [[]];
        foreach (var setting in settings)
            combinations = combinations.SelectMany(prefix => setting.Values.Select(value => (IReadOnlyList<(string, string)>)[.. prefix, (setting.Key, value)]));
        return combinations;
    }

    static JsonObject WithCompile(JsonObject config)
    {
        var copy = (JsonObject)config.DeepClone();
        if (copy["compile"] is null)
            copy["compile"] = new JsonObject { ["optimizer"] = "adam", ["loss"] = "sparse_categorical_crossentropy", ["metrics"] = new JsonArray("accuracy") };
        else if (copy["compile"] is JsonObject compile)
        {
            if (compile["metrics"] is null) compile["metrics"] = new JsonArray();
            if (compile["metrics"] is JsonArray metrics && !metrics.Any(m => m is JsonValue v && v.TryGetValue<string>(out var name) && ConfigNames.Normalise(name) == "accuracy"))
                metrics.Insert(0, "accuracy");
        }
        return copy;
    }

    /// <summary>The config as the model it describes writes it back: checked, with every setting spelt out.</summary>
    static JsonObject Canonical(JsonObject config, string source)
    {
        using var model = ModelConfig.FromJson(config, 0, source);
        return ModelConfig.ToJson(model);
    }

    static string Identity(ExperimentVariant variant) => string.Create(CultureInfo.InvariantCulture,
        $"{variant.Config.ToJsonString()}|{variant.Training.Epochs}|{variant.Training.BatchSize}|{variant.Training.EarlyStoppingPatience}");
}
