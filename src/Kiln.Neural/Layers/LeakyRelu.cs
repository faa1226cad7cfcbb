using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>x for x ≥ 0 and <see cref="Alpha"/> · x below (Keras' LeakyReLU layer, its default slope 0.3).</summary>
public sealed class LeakyRelu(double alpha = 0.3) : Layer
{
    public double Alpha { get; } = alpha >= 0 && double.IsFinite(alpha) ? alpha : throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "leaky-relu: alpha must be a number of at least 0");

    public override string Kind => "leaky-relu";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => LeakyReLU(Alpha);

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => inputShape;

    internal override void WriteConfig(JsonObject config)
    {
        config["negative_slope"] = Alpha;
    }

    internal static LeakyRelu FromConfig(ConfigReader config) => new(config.Double("negative_slope", 0.3));
}
