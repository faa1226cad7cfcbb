using Kiln.Neural.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>
/// A 1-D convolution (Keras' Conv1D) over sequences shaped [channels, length] — channels first, as PyTorch lays them
/// out. "Same" padding pads as Keras does, the odd step after; dilation spaces the kernel's taps. Weights drawn by
/// <see cref="KernelLayer.KernelInitializer"/> (Glorot-uniform) and biases zero.
/// </summary>
public sealed class Conv1D(int filters, int kernelSize, int strides = 1, Padding padding = Padding.Valid, int dilation = 1,
    ActivationFunction activation = ActivationFunction.Linear) : Convolution(filters, kernelSize, strides, padding, dilation, activation, "conv1d")
{
    public override string Kind => "conv1d";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape)
    {
        var (channels, length) = ChannelsFirst(inputShape);
        var (before, after) = Padding == Padding.Same ? Spatial.SamePadding(length, KernelSize, Strides, Dilation) : (0, 0);
        // as in Conv2D: equal padding is done inside the convolution, the odd step Keras pads after by a step of its own
        var convolution = Conv1d(channels, Filters, KernelSize, stride: Strides, padding: before == after ? before : 0, dilation: Dilation);
        Initialise(convolution.weight!, convolution.bias);
        return Assemble(before == after ? null : ConstantPad1d((before, after), 0), convolution);
    }

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) =>
        [Filters, Spatial.OutputLength(ChannelsFirst(inputShape).Length, KernelSize, Strides, Dilation, Padding, Kind)];

    internal override IEnumerable<Parameter> Kernels(torch.nn.Module built) => Find<Conv1d>(built).Select(c => c.weight!);

    (long Channels, long Length) ChannelsFirst(IReadOnlyList<long> shape) => shape.Count == 2
        ? (shape[0], shape[1])
        : throw new ArgumentException($"{Kind}: takes inputs shaped [channels, length], not [{string.Join(", ", shape)}]; add a Reshape layer first");

    internal static Conv1D FromConfig(ConfigReader config) => new(config.Int("filters"), config.Int("kernel_size"), config.Int("strides", 1), config.Padding(), config.Int("dilation_rate", 1), config.Activation())
        {
            KernelInitializer = config.Initializer(),
            KernelRegularizer = config.Regularizer(),
        };
}
