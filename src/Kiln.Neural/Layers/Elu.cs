using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>x for x ≥ 0 and <see cref="Alpha"/> · (eˣ − 1) below (Keras' ELU layer, its default alpha 1).</summary>
public sealed class Elu(double alpha = 1) : Layer
{
    public double Alpha { get; } = alpha >= 0 && double.IsFinite(alpha) ? alpha : throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "elu: alpha must be a number of at least 0");

    public override string Kind => "elu";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => ELU(Alpha);

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => inputShape;

    internal override void WriteConfig(JsonObject config)
    {
        config["alpha"] = Alpha;
    }

    internal static Elu FromConfig(ConfigReader config) => new(config.Double("alpha", 1));
}
