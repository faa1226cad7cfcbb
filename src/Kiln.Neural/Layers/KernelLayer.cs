using Kiln.Neural.Config;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Layers;

/// <summary>A layer with a kernel — Dense, convolutions, recurrent layers — whose first values and penalty can be chosen (Keras' kernel_initializer and kernel_regularizer).</summary>
public abstract class KernelLayer : Layer
{
    /// <summary>How the kernel's first values are drawn; Glorot-uniform by default, as in Keras. Biases start at zero.</summary>
    public Initializer KernelInitializer { get; init; } = Initializer.GlorotUniform;

    /// <summary>A penalty on the kernel added to the training loss, or none.</summary>
    public Regularizer? KernelRegularizer { get; init; }

    /// <summary>Writes kernel_initializer and kernel_regularizer ({"l1": …, "l2": …} or null), as Keras names them.</summary>
    private protected void WriteKernelConfig(JsonObject config)
    {
        config["kernel_initializer"] = ConfigNames.Of(KernelInitializer);
        config["kernel_regularizer"] = KernelRegularizer is { } regularizer
            ? new JsonObject { ["l1"] = regularizer.L1Factor, ["l2"] = regularizer.L2Factor }
            : null;
    }

    /// <summary>The kernels of a module this layer built, for its regularizer.</summary>
    internal abstract IEnumerable<Parameter> Kernels(torch.nn.Module built);

    /// <summary>The <typeparamref name="TModule"/> modules in what a layer built, itself included.</summary>
    private protected static IEnumerable<TModule> Find<TModule>(torch.nn.Module built) where TModule : torch.nn.Module =>
        built.modules().Prepend(built).OfType<TModule>().Distinct();

    /// <summary>Draws a PyTorch-layout kernel and zeroes the bias.</summary>
    private protected void Initialise(Parameter kernel, Parameter? bias)
    {
        KernelInitializer.FillTorchLayout(kernel);
        using var _ = torch.no_grad();
        bias?.zero_();
    }
}
