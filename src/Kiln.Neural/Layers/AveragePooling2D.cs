using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>The mean of each window (Keras' AveragePooling2D) over [channels, height, width] inputs.</summary>
public sealed class AveragePooling2D(int poolSize = 2, int? strides = null) : Pooling2D(poolSize, strides)
{
    public override string Kind => "average-pooling2d";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape)
    {
        OutputShape(inputShape);
        return AvgPool2d(PoolSize, Strides);
    }

    internal static AveragePooling2D FromConfig(ConfigReader config) => new(config.Int("pool_size", 2), config.OptionalInt("strides"));
}
