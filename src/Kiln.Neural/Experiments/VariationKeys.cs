using System.Globalization;
using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using Kiln.Neural.Layers;

namespace Kiln.Neural.Experiments;

/// <summary>
/// The keys a <see cref="Variation"/> may vary, each with what its values must be and how one value changes a variant.
/// They are applied in the order listed here whatever order they are given in, so that layers added by
/// <c>layers</c> get the <c>units</c>, <c>activation</c>, <c>dropout</c> and <c>l2</c> asked for, and <c>lr</c> sets the
/// learning rate of the optimizer chosen by <c>optimizer</c>.
/// </summary>
internal static class VariationKeys
{
    public sealed record Key(string Name, string Expected, Func<string, string?> Normalise, Action<VariantDraft, string> Apply);

    static readonly string[] ActivationNames = [.. Enum.GetValues<ActivationFunction>().Select(ConfigNames.Of)];

    public static IReadOnlyList<Key> All { get; } =
    [
        new("layers", "a whole number of at least 1", v => WholeNumber(v, 1), (d, v) => HiddenBlocks.Find(d, "layers").Repeat(Int(v))),
        new("units", "a whole number of at least 1", v => WholeNumber(v, 1),
            (d, v) => HiddenBlocks.Find(d, "units").SetUnits(Int(v))),
        new("activation", $"one of {string.Join(", ", ActivationNames)}", v => ActivationNames.FirstOrDefault(a => a == ConfigNames.Normalise(v)),
            (d, v) => HiddenBlocks.Find(d, "activation").SetActivation(v)),
        new("dropout", "a rate in [0, 1)", v => Number(v, r => r is >= 0 and < 1), (d, v) => HiddenBlocks.Find(d, "dropout").SetDropout(Double(v))),
        new("l2", "a number of at least 0", v => Number(v, x => x >= 0), SetL2),
        new("optimizer", $"one of {string.Join(", ", ModelConfig.OptimizerNames)}",
            v => ModelConfig.OptimizerNames.FirstOrDefault(o => o == ConfigNames.Normalise(v)),
            (d, v) => d.Compile["optimizer"] = CompileConfig.WriteOptimizer(ModelConfig.OptimizerNamed(v))),
        new("lr", "a learning rate above 0", v => Number(v, x => x > 0), (d, v) => d.Optimizer["learning_rate"] = Double(v)),
        new("batch-size", "a whole number of at least 1", v => WholeNumber(v, 1), (d, v) => d.Training = d.Training with { BatchSize = Int(v) }),
        new("epochs", "a whole number of at least 1", v => WholeNumber(v, 1), (d, v) => d.Training = d.Training with { Epochs = Int(v) }),
        new("early-stopping", "off or a patience in epochs (a whole number of at least 0)",
            v => v.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) ? "off" : WholeNumber(v, 0),
            (d, v) => d.Training = d.Training with { EarlyStoppingPatience = v == "off" ? null : Int(v) }),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    public static Key? Named(string name) => All.FirstOrDefault(k => k.Name == name.Trim().ToLowerInvariant());

    /// <summary>Sets the L2 factor of every layer with a kernel (dense, convolution, recurrent), keeping any L1 factor; 0 removes the L2 penalty.</summary>
    static void SetL2(VariantDraft draft, string value)
    {
        var l2 = Double(value);
        var kernelLayers = ((JsonArray)draft.Config["layers"]!).OfType<JsonObject>().Where(l => l.ContainsKey("kernel_regularizer")).ToList();
        if (kernelLayers.Count == 0)
            throw new ArgumentException($"{draft.Source}: 'l2' penalises layer kernels, but the base has no layer with a kernel (dense, convolution or recurrent)");
        foreach (var layer in kernelLayers)
        {
            var l1 = layer["kernel_regularizer"]?["l1"]?.GetValue<double>() ?? 0;
            layer["kernel_regularizer"] = l1 == 0 && l2 == 0 ? null : new JsonObject { ["l1"] = l1, ["l2"] = l2 };
        }
    }

    static string? WholeNumber(string text, int minimum) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= minimum ? n.ToString(CultureInfo.InvariantCulture) : null;

    static string? Number(string text, Func<double, bool> allowed) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) && allowed(x) ? text.Trim() : null;

    static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    static double Double(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
