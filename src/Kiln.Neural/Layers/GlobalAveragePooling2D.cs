using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>Each channel's mean over all positions (Keras' GlobalAveragePooling2D): [channels, height, width] becomes [channels].</summary>
public sealed class GlobalAveragePooling2D : Layer
{
    public override string Kind => "global-average-pooling2d";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape)
    {
        Spatial.ChannelsFirst(inputShape, Kind);
        return Sequential(("pool", AdaptiveAvgPool2d(1)), ("flatten", torch.nn.Flatten()));
    }

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => [Spatial.ChannelsFirst(inputShape, Kind).Channels];

    internal override void WriteConfig(JsonObject config)
    {
    }

    internal static GlobalAveragePooling2D FromConfig(ConfigReader config) => new();
}
