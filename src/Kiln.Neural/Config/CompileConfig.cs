using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kiln.Neural.Training;

namespace Kiln.Neural.Config;

/// <summary>
/// The "compile" part of a model config — {"optimizer": {"type": "adam", "learning_rate": 0.001, …}, "loss":
/// "sparse_categorical_crossentropy", "metrics": ["accuracy"]} — with Keras' names for optimizers and their settings.
/// The optimizer may also be given by name alone ("adam"), taking its defaults.
/// </summary>
internal static partial class CompileConfig
{
    sealed record OptimizerType(string Name, Type Class, Func<ConfigReader, Optimizer> Read, Action<Optimizer, JsonObject> Write);

    static readonly OptimizerType[] Optimizers =
    [
        new("adam", typeof(Adam), c => new Adam { Beta1 = c.Double("beta_1", 0.9), Beta2 = c.Double("beta_2", 0.999), Epsilon = c.Double("epsilon", 1e-7) },
            (o, c) => (c["beta_1"], c["beta_2"], c["epsilon"]) = (((Adam)o).Beta1, ((Adam)o).Beta2, ((Adam)o).Epsilon)),
        new("adamw", typeof(AdamW), c => new AdamW { Beta1 = c.Double("beta_1", 0.9), Beta2 = c.Double("beta_2", 0.999), Epsilon = c.Double("epsilon", 1e-7) },
            (o, c) => (c["beta_1"], c["beta_2"], c["epsilon"]) = (((AdamW)o).Beta1, ((AdamW)o).Beta2, ((AdamW)o).Epsilon)),
        new("sgd", typeof(Sgd), c => new Sgd { Momentum = c.Double("momentum", 0), Nesterov = c.Bool("nesterov", false) },
            (o, c) => (c["momentum"], c["nesterov"]) = (((Sgd)o).Momentum, ((Sgd)o).Nesterov)),
        new("rmsprop", typeof(RmsProp), c => new RmsProp { Rho = c.Double("rho", 0.9), Momentum = c.Double("momentum", 0), Centered = c.Bool("centered", false), Epsilon = c.Double("epsilon", 1e-7) },
            (o, c) => (c["rho"], c["momentum"], c["centered"], c["epsilon"]) = (((RmsProp)o).Rho, ((RmsProp)o).Momentum, ((RmsProp)o).Centered, ((RmsProp)o).Epsilon)),
    ];

    public static IReadOnlyList<string> OptimizerNames { get; } = [.. Optimizers.Select(o => o.Name)];

    public static JsonObject Write(Optimizer optimizer, Loss loss, IReadOnlyList<Metric> metrics) => new()
    {
        ["optimizer"] = WriteOptimizer(optimizer),
        ["loss"] = ConfigNames.Normalise(loss.Name),
        ["metrics"] = new JsonArray([.. metrics.Select(m => (JsonNode)ConfigNames.Normalise(m.Name))]),
    };

    public static JsonObject WriteOptimizer(Optimizer optimizer)
    {
        var type = Optimizers.FirstOrDefault(t => t.Class == optimizer.GetType())
            ?? throw new NotSupportedException($"{optimizer.GetType().Name} has no config type name, so it cannot be written as JSON");
        var config = new JsonObject { ["type"] = type.Name, ["learning_rate"] = optimizer.LearningRate };
        type.Write(optimizer, config);
        config["weight_decay"] = optimizer.WeightDecay;
        config["clipnorm"] = optimizer.ClipNorm;
        config["clipvalue"] = optimizer.ClipValue;
        config["global_clipnorm"] = optimizer.GlobalClipNorm;
        config["schedule"] = optimizer.Schedule is { } schedule ? WriteSchedule(schedule) : null;
        return config;
    }

    static JsonObject WriteSchedule(LearningRateSchedule schedule)
    {
        var config = new JsonObject { ["type"] = schedule.Name };
        switch (schedule.Name)
        {
            case "cosine": config["minimum"] = schedule.Minimum; break;
            case "exponential": config["rate"] = schedule.DecayRate; break;
            case "step": (config["every"], config["factor"]) = (schedule.Every, schedule.Factor); break;
        }
        return config;
    }

    public static (Optimizer Optimizer, Loss Loss, Metric[] Metrics) Read(JsonNode? node, string where)
    {
        if (node is not JsonObject json) throw new InvalidDataException($"{where}: must be an object with optimizer, loss and metrics, not {node?.ToJsonString() ?? "null"}");
        var reader = new ConfigReader(json, where);
        var optimizer = ReadOptimizer(reader.Node("optimizer") ?? "adam", $"{where}, optimizer");
        var loss = reader.Named("loss", Loss.All, l => ConfigNames.Normalise(l.Name), Loss.SparseCategoricalCrossentropy);
        var metrics = new List<Metric>();
        var metricsNode = reader.Node("metrics") ?? new JsonArray();
        if (metricsNode is not JsonArray list) throw reader.Bad("metrics", "a list of metric names", metricsNode);
        foreach (var item in list)
        {
            var name = item is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw reader.Bad("metrics", "a list of metric names", metricsNode);
            metrics.Add(ReadMetric(name, where));
        }
        reader.Done();
        return (optimizer, loss, [.. metrics]);
    }

    /// <summary>An optimizer given as a name ("adam") or as an object with a "type" and its settings.</summary>
    public static Optimizer ReadOptimizer(JsonNode node, string where)
    {
        var json = node switch
        {
            JsonObject o => o,
            JsonValue v when v.TryGetValue<string>(out var name) => new JsonObject { ["type"] = name },
            _ => throw new InvalidDataException($"{where}: must be a name such as \"adam\" or an object with a \"type\", not {node.ToJsonString()}"),
        };
        var reader = new ConfigReader(json, where);
        var type = reader.Named("type", Optimizers, t => t.Name, Optimizers[0]);
        var defaults = type.Read(reader);
        Optimizer optimizer = defaults with
        {
            LearningRate = reader.Double("learning_rate", defaults.LearningRate),
            WeightDecay = reader.Double("weight_decay", defaults.WeightDecay),
            ClipNorm = reader.OptionalDouble("clipnorm"),
            ClipValue = reader.OptionalDouble("clipvalue"),
            GlobalClipNorm = reader.OptionalDouble("global_clipnorm"),
            Schedule = ReadSchedule(reader.Node("schedule"), $"{where}, schedule"),
        };
        reader.Done();
        return optimizer;
    }

    static readonly string[] ScheduleNames = ["cosine", "exponential", "step", "one_cycle"];

    /// <summary>A learning-rate schedule given as a name ("cosine") or as an object with a "type" and its settings, or null for none.</summary>
    static LearningRateSchedule? ReadSchedule(JsonNode? node, string where)
    {
        var json = node switch
        {
            null => null,
            JsonObject o => o,
            JsonValue v when v.TryGetValue<string>(out var name) => new JsonObject { ["type"] = name },
            _ => throw new InvalidDataException($"{where}: must be a name such as \"cosine\", an object with a \"type\", or null, not {node.ToJsonString()}"),
        };
        if (json is null) return null;
        var reader = new ConfigReader(json, where);
        var type = reader.Named("type", ScheduleNames, n => n, "cosine");
        try
        {
            var schedule = type switch
            {
                "cosine" => LearningRateSchedule.Cosine(reader.Double("minimum", 0)),
                "exponential" => LearningRateSchedule.Exponential(reader.Double("rate")),
                "step" => LearningRateSchedule.Step(reader.Int("every"), reader.Double("factor")),
                _ => LearningRateSchedule.OneCycle,
            };
            reader.Done();
            return schedule;
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{where}: {e.Message.Split(" (Parameter")[0]}", e);
        }
    }

    static Metric ReadMetric(string name, string where)
    {
        var wanted = ConfigNames.Normalise(name);
        foreach (var metric in Metric.All)
            if (ConfigNames.Normalise(metric.Name) == wanted) return metric;
        if (TopK().Match(wanted) is { Success: true } match && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var k) && k >= 1)
            return Metric.TopKCategoricalAccuracy(k);
        throw new InvalidDataException($"{where}: 'metrics' names \"{name}\", which Kiln does not know; it takes {string.Join(", ", Metric.All.Select(m => ConfigNames.Normalise(m.Name)))} or top_N_categorical_accuracy");
    }

    [GeneratedRegex(@"^top_(\d+)_categorical_accuracy$")]
    private static partial Regex TopK();
}
