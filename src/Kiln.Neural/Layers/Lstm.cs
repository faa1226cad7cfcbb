using Kiln.Neural.Config;
using TorchSharp;

namespace Kiln.Neural.Layers;

/// <summary>
/// Long short-term memory (Keras' LSTM): input, forget, cell and output gates in Keras' order, one bias per gate with
/// the forget gate's starting at 1 (Keras' unit_forget_bias); 4 · (units · (features + units) + units) weights.
/// </summary>
public sealed class Lstm(int units, bool returnSequences = false) : Recurrent(units, returnSequences)
{
    public override string Kind => "lstm";

    private protected override RecurrentModule Create(long features)
    {
        var module = new LstmModule(features, Units, ReturnSequences);
        using (torch.no_grad()) module.bias.narrow(0, Units, Units).fill_(1);
        return module;
    }

    internal static Lstm FromConfig(ConfigReader config) => new(config.Int("units"), config.Bool("return_sequences", false))
        {
            KernelInitializer = config.Initializer(),
            KernelRegularizer = config.Regularizer(),
        };
}
