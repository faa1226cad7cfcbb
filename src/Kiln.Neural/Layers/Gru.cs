using Kiln.Neural.Config;
namespace Kiln.Neural.Layers;

/// <summary>
/// Gated recurrent unit (Keras' GRU with its default reset_after, PyTorch's formulation): update and reset gates and a
/// candidate state, with separate input and recurrent biases; 3 · (units · (features + units) + 2 · units) weights.
/// </summary>
public sealed class Gru(int units, bool returnSequences = false) : Recurrent(units, returnSequences)
{
    public override string Kind => "gru";

    private protected override RecurrentModule Create(long features) => new GruModule(features, Units, ReturnSequences);

    internal static Gru FromConfig(ConfigReader config) => new(config.Int("units"), config.Bool("return_sequences", false))
        {
            KernelInitializer = config.Initializer(),
            KernelRegularizer = config.Regularizer(),
        };
}
