using Kiln.Neural.Config;
namespace Kiln.Neural.Layers;

/// <summary>A fully connected recurrent layer, hₜ = tanh(xₜ·W + hₜ₋₁·U + b) (Keras' SimpleRNN): units · (features + units) + units weights.</summary>
public sealed class SimpleRnn(int units, bool returnSequences = false) : Recurrent(units, returnSequences)
{
    public override string Kind => "simple-rnn";

    private protected override RecurrentModule Create(long features) => new SimpleRnnModule(features, Units, ReturnSequences);

    internal static SimpleRnn FromConfig(ConfigReader config) => new(config.Int("units"), config.Bool("return_sequences", false))
        {
            KernelInitializer = config.Initializer(),
            KernelRegularizer = config.Regularizer(),
        };
}
