using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>Flattens each input to one dimension, keeping the batch dimension (Keras' Flatten).</summary>
public sealed class Flatten : Layer
{
    public override string Kind => "flatten";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => torch.nn.Flatten();

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => [inputShape.Aggregate(1L, (a, b) => a * b)];

    internal override void WriteConfig(JsonObject config)
    {
    }

    internal static Flatten FromConfig(ConfigReader config) => new();
}
