using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>
/// A fully connected layer, output = activation(x·W + b) (Keras' Dense): weights drawn by <see cref="KernelLayer.KernelInitializer"/>
/// (Glorot-uniform) and biases zero, as Keras initialises them. It acts on the last dimension of its input.
/// </summary>
public sealed class Dense : KernelLayer
{
    public Dense(int units, ActivationFunction activation = ActivationFunction.Linear, bool useBias = true)
    {
        if (units < 1) throw new ArgumentOutOfRangeException(nameof(units), units, "dense: units must be at least 1");
        Units = units;
        ActivationFunction = activation;
        UseBias = useBias;
    }

    public int Units { get; }

    public ActivationFunction ActivationFunction { get; }

    public bool UseBias { get; }

    public override string Kind => "dense";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape)
    {
        var linear = Linear(inputShape[^1], Units, hasBias: UseBias);
        Initialise(linear.weight!, linear.bias);
        return ActivationFunction == ActivationFunction.Linear
            ? linear
            : Sequential(("linear", linear), ("activation", Activation.Module(ActivationFunction)));
    }

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => [.. inputShape.Take(inputShape.Count - 1), Units];

    internal override IEnumerable<Parameter> Kernels(torch.nn.Module built) => Find<Linear>(built).Select(l => l.weight!);

    internal override void WriteConfig(JsonObject config)
    {
        config["units"] = Units;
        config["activation"] = ConfigNames.Of(ActivationFunction);
        config["use_bias"] = UseBias;
        WriteKernelConfig(config);
    }

    internal static Dense FromConfig(ConfigReader config) => new(config.Int("units"), config.Activation(), config.Bool("use_bias", true))
        {
            KernelInitializer = config.Initializer(),
            KernelRegularizer = config.Regularizer(),
        };
}
