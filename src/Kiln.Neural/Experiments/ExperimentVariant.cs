using System.Text.Json.Nodes;

namespace Kiln.Neural.Experiments;

/// <summary>
/// One network to train in an experiment: its name ("base", "units=64", "layers=2, units=64"), the varied keys it
/// sets with their values, its full model config (as <see cref="Config.ModelConfig.ToJson"/> writes it) and its training.
/// </summary>
public sealed record ExperimentVariant(string Name, IReadOnlyDictionary<string, string> Settings, JsonObject Config, ExperimentTraining Training);
