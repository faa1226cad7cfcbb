using Kiln.Neural.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>
/// A 2-D convolution (Keras' Conv2D) over inputs shaped [channels, height, width] — channels first, as PyTorch lays them
/// out. "Same" padding pads as Keras does, the odd pixel after rather than before, also with strides above 1. Weights
/// drawn by <see cref="KernelLayer.KernelInitializer"/> (Glorot-uniform) and biases zero, as Keras initialises them.
/// </summary>
public sealed class Conv2D(int filters, int kernelSize, int strides = 1, Padding padding = Padding.Valid, int dilation = 1,
    ActivationFunction activation = ActivationFunction.Linear) : Convolution(filters, kernelSize, strides, padding, dilation, activation, "conv2d")
{
    public override string Kind => "conv2d";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape)
    {
        var (channels, height, width) = Spatial.ChannelsFirst(inputShape, Kind);
        var (top, bottom) = Padding == Padding.Same ? Spatial.SamePadding(height, KernelSize, Strides, Dilation) : (0, 0);
        var (left, right) = Padding == Padding.Same ? Spatial.SamePadding(width, KernelSize, Strides, Dilation) : (0, 0);
        // equal padding on both sides is done inside the convolution, which saves copying the input each step; only
        // the odd pixel Keras pads after needs a padding step of its own
        var inside = top == bottom && left == right;
        var convolution = Conv2d(channels, Filters, (KernelSize, KernelSize), stride: (Strides, Strides),
            padding: inside ? (top, left) : (0, 0), dilation: (Dilation, Dilation));
        Initialise(convolution.weight!, convolution.bias);
        return Assemble(inside ? null : ZeroPad2d((left, right, top, bottom)), convolution);
    }

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape)
    {
        var (_, height, width) = Spatial.ChannelsFirst(inputShape, Kind);
        return [Filters, Spatial.OutputLength(height, KernelSize, Strides, Dilation, Padding, Kind),
            Spatial.OutputLength(width, KernelSize, Strides, Dilation, Padding, Kind)];
    }

    internal override IEnumerable<Parameter> Kernels(torch.nn.Module built) => Find<Conv2d>(built).Select(c => c.weight!);

    internal static Conv2D FromConfig(ConfigReader config) => new(config.Int("filters"), config.Int("kernel_size"), config.Int("strides", 1), config.Padding(), config.Int("dilation_rate", 1), config.Activation())
        {
            KernelInitializer = config.Initializer(),
            KernelRegularizer = config.Regularizer(),
        };
}
