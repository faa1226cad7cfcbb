using Kiln.Neural.Config;
using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>
/// What Conv1D and Conv2D share: filters, a square kernel, strides, Keras-style padding, dilation and an activation,
/// checked as Keras checks them; after the convolution (and "same" padding before it) comes the activation.
/// </summary>
public abstract class Convolution : KernelLayer
{
    private protected Convolution(int filters, int kernelSize, int strides, Padding padding, int dilation, ActivationFunction activation, string kind)
    {
        if (filters < 1) throw new ArgumentOutOfRangeException(nameof(filters), filters, $"{kind}: filters must be at least 1");
        if (kernelSize < 1) throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, $"{kind}: kernel size must be at least 1");
        if (strides < 1) throw new ArgumentOutOfRangeException(nameof(strides), strides, $"{kind}: strides must be at least 1");
        if (dilation < 1) throw new ArgumentOutOfRangeException(nameof(dilation), dilation, $"{kind}: dilation must be at least 1");
        if (dilation > 1 && strides > 1) throw new ArgumentException($"{kind}: a dilation above 1 needs strides of 1, as in Keras", nameof(dilation));
        (Filters, KernelSize, Strides, Padding, Dilation, ActivationFunction) = (filters, kernelSize, strides, padding, dilation, activation);
    }

    public int Filters { get; }

    public int KernelSize { get; }

    public int Strides { get; }

    public Padding Padding { get; }

    public int Dilation { get; }

    public ActivationFunction ActivationFunction { get; }

    internal override void WriteConfig(JsonObject config)
    {
        config["filters"] = Filters;
        config["kernel_size"] = KernelSize;
        config["strides"] = Strides;
        config["padding"] = ConfigNames.Of(Padding);
        config["dilation_rate"] = Dilation;
        config["activation"] = ConfigNames.Of(ActivationFunction);
        WriteKernelConfig(config);
    }

    /// <summary>The padding (when any), the convolution and the activation (unless linear), as one module.</summary>
    private protected Module<torch.Tensor, torch.Tensor> Assemble(Module<torch.Tensor, torch.Tensor>? padding, Module<torch.Tensor, torch.Tensor> convolution)
    {
        var steps = new List<(string, Module<torch.Tensor, torch.Tensor>)>();
        if (padding is not null) steps.Add(("pad", padding));
        steps.Add(("convolution", convolution));
        if (ActivationFunction != ActivationFunction.Linear) steps.Add(("activation", Activation.Module(ActivationFunction)));
        return steps.Count == 1 ? convolution : Sequential(steps);
    }
}
