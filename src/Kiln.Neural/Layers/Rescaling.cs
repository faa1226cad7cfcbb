using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>Multiplies every input by <see cref="Scale"/> and adds <see cref="Offset"/> (Keras' Rescaling), e.g. 1/255 for pixels in [0, 1].</summary>
public sealed class Rescaling(double scale, double offset = 0) : Layer
{
    public double Scale { get; } = double.IsFinite(scale) ? scale : throw new ArgumentOutOfRangeException(nameof(scale), scale, "rescaling: scale must be a finite number");

    public double Offset { get; } = double.IsFinite(offset) ? offset : throw new ArgumentOutOfRangeException(nameof(offset), offset, "rescaling: offset must be a finite number");

    public override string Kind => "rescaling";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => new RescalingModule(Scale, Offset);

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => inputShape;

    internal override void WriteConfig(JsonObject config)
    {
        config["scale"] = Scale;
        config["offset"] = Offset;
    }

    internal static Rescaling FromConfig(ConfigReader config) => new(config.Double("scale"), config.Double("offset", 0));
}
