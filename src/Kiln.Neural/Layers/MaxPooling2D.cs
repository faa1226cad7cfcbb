using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>The largest value of each window (Keras' MaxPooling2D) over [channels, height, width] inputs.</summary>
public sealed class MaxPooling2D(int poolSize = 2, int? strides = null) : Pooling2D(poolSize, strides)
{
    public override string Kind => "max-pooling2d";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape)
    {
        OutputShape(inputShape);
        return MaxPool2d(PoolSize, Strides);
    }

    internal static MaxPooling2D FromConfig(ConfigReader config) => new(config.Int("pool_size", 2), config.OptionalInt("strides"));
}
