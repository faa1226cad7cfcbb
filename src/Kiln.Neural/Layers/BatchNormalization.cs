using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>
/// Normalises each feature (or, for [channels, height, width] inputs, each channel) by the batch's mean and variance
/// while training and by running averages at inference, then scales and shifts it by learned weights (Keras'
/// BatchNormalization, with its momentum 0.99 and ε 1e-3).
/// </summary>
public sealed class BatchNormalization(double momentum = 0.99, double epsilon = 1e-3) : Layer
{
    public double Momentum { get; } = momentum is > 0 and < 1 ? momentum : throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "batch-normalization: momentum must be in (0, 1)");

    public double Epsilon { get; } = epsilon > 0 ? epsilon : throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "batch-normalization: epsilon must be positive");

    public override string Kind => "batch-normalization";

    // PyTorch's momentum weighs the new batch, Keras' the running average
    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => inputShape.Count switch
    {
        1 => BatchNorm1d(inputShape[0], Epsilon, 1 - Momentum),
        3 => BatchNorm2d(inputShape[0], Epsilon, 1 - Momentum),
        _ => throw new ArgumentException($"{Kind}: takes [features] or [channels, height, width] inputs, not [{string.Join(", ", inputShape)}]"),
    };

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => inputShape;

    internal override void WriteConfig(JsonObject config)
    {
        config["momentum"] = Momentum;
        config["epsilon"] = Epsilon;
    }

    internal static BatchNormalization FromConfig(ConfigReader config) => new(config.Double("momentum", 0.99), config.Double("epsilon", 1e-3));
}
