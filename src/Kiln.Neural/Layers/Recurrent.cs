using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Layers;

/// <summary>
/// What SimpleRnn, Lstm and Gru share (Keras' RNN layers): inputs shaped [time, features] are read step by step into a
/// state of <see cref="Units"/> values; the output is the last state, or the state at every step when
/// <see cref="ReturnSequences"/> is set. Weights are laid out as Keras' — kernel [features, gates · units], recurrent
/// kernel [units, gates · units] — with the kernel drawn by <see cref="KernelLayer.KernelInitializer"/>, the recurrent
/// kernel orthogonal and biases zero.
/// </summary>
public abstract class Recurrent : KernelLayer
{
    private protected Recurrent(int units, bool returnSequences)
    {
        if (units < 1) throw new ArgumentOutOfRangeException(nameof(units), units, $"{Kind}: units must be at least 1");
        (Units, ReturnSequences) = (units, returnSequences);
    }

    public int Units { get; }

    /// <summary>Output the state after every time step ([time, units]) rather than only the last ([units]).</summary>
    public bool ReturnSequences { get; }

    internal override void WriteConfig(JsonObject config)
    {
        config["units"] = Units;
        config["return_sequences"] = ReturnSequences;
        WriteKernelConfig(config);
    }

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape)
    {
        var module = Create(Sequence(inputShape).Features);
        KernelInitializer.Fill(module.kernel, module.kernel.shape[0], module.kernel.shape[1]);
        using (torch.no_grad()) torch.nn.init.orthogonal_(module.recurrent_kernel);
        return module;
    }

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) =>
        ReturnSequences ? [Sequence(inputShape).Time, Units] : [Units];

    internal override IEnumerable<Parameter> Kernels(torch.nn.Module built) => Find<RecurrentModule>(built).Select(r => r.kernel);

    /// <summary>The module for inputs with <paramref name="features"/> values per step, its biases set as the layer starts them.</summary>
    private protected abstract RecurrentModule Create(long features);

    (long Time, long Features) Sequence(IReadOnlyList<long> shape) => shape.Count == 2
        ? (shape[0], shape[1])
        : throw new ArgumentException($"{Kind}: takes inputs shaped [time, features], not [{string.Join(", ", shape)}]");
}
