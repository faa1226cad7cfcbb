using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>
/// Normalises each input over its last dimension to mean 0 and variance 1, then scales and shifts it by learned
/// weights (Keras' LayerNormalization, with its ε 1e-3); unlike batch normalisation it behaves the same in training and inference.
/// </summary>
public sealed class LayerNormalization(double epsilon = 1e-3) : Layer
{
    public double Epsilon { get; } = epsilon > 0 ? epsilon : throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "layer-normalization: epsilon must be positive");

    public override string Kind => "layer-normalization";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => LayerNorm([inputShape[^1]], Epsilon);

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => inputShape;

    internal override void WriteConfig(JsonObject config)
    {
        config["epsilon"] = Epsilon;
    }

    internal static LayerNormalization FromConfig(ConfigReader config) => new(config.Double("epsilon", 1e-3));
}
