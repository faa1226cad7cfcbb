using Kiln.Neural.Config;
using TorchSharp;

namespace Kiln.Neural.Layers;

/// <summary>Adds its inputs element by element (Keras' Add), e.g. a residual connection; all must have the same shape.</summary>
public sealed class Add : Merge
{
    public override string Kind => "add";

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<IReadOnlyList<long>> inputShapes)
    {
        var first = inputShapes[0];
        if (inputShapes.Any(s => !s.SequenceEqual(first)))
            throw new ArgumentException($"{Kind}: inputs must share one shape, not {string.Join(" and ", inputShapes.Select(s => $"[{string.Join(", ", s)}]"))}");
        return first;
    }

    internal override torch.Tensor Combine(IReadOnlyList<torch.Tensor> inputs)
    {
        var sum = inputs[0];
        for (var i = 1; i < inputs.Count; i++) sum = sum + inputs[i];
        return sum;
    }

    internal static Add FromConfig(ConfigReader config) => new();
}
