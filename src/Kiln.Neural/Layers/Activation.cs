using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>Applies an activation function to its input (Keras' Activation layer); Dense and others use the same functions.</summary>
public sealed class Activation(ActivationFunction function) : Layer
{
    public ActivationFunction Function { get; } = function;

    public override string Kind => "activation";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => Module(Function);

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => inputShape;

    /// <summary>The module for <paramref name="function"/>; softmax is taken over the last dimension.</summary>
    internal static Module<torch.Tensor, torch.Tensor> Module(ActivationFunction function) => function switch
    {
        ActivationFunction.Linear => Identity(),
        ActivationFunction.Relu => ReLU(),
        ActivationFunction.LeakyRelu => LeakyReLU(0.3), // Keras' default slope
        ActivationFunction.Elu => ELU(),
        ActivationFunction.Gelu => GELU(),
        ActivationFunction.Sigmoid => Sigmoid(),
        ActivationFunction.Tanh => Tanh(),
        ActivationFunction.Softmax => Softmax(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "unknown activation function"),
    };

    internal override void WriteConfig(JsonObject config)
    {
        config["activation"] = ConfigNames.Of(Function);
    }

    internal static Activation FromConfig(ConfigReader config) => new(config.Activation());
}
