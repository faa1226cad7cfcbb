using System.Text.Json.Nodes;

namespace Kiln.Neural.Experiments;

/// <summary>A variant being built: the base's config and training with some varied keys applied; <see cref="Source"/> names the base in errors.</summary>
internal sealed class VariantDraft(JsonObject config, ExperimentTraining training, string source)
{
    public JsonObject Config { get; } = config;

    public ExperimentTraining Training { get; set; } = training;

    public string Source { get; } = source;

    /// <summary>The config's compile part, added with Kiln's defaults (Adam, sparse categorical cross-entropy) when the base has none.</summary>
    public JsonObject Compile => Config["compile"] as JsonObject ?? throw new InvalidOperationException("the base config was not normalised");

    /// <summary>The compile part's optimizer object.</summary>
    public JsonObject Optimizer => Compile["optimizer"] as JsonObject ?? throw new InvalidOperationException("the base config was not normalised");
}
