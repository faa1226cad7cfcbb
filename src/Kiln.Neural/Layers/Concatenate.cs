using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;

namespace Kiln.Neural.Layers;

/// <summary>Joins its inputs along one axis, the last by default (Keras' Concatenate); every other dimension must agree.</summary>
public sealed class Concatenate(int axis = -1) : Merge
{
    /// <summary>The axis of one row (without the batch dimension) to join along; negative counts from the end.</summary>
    public int Axis { get; } = axis;

    public override string Kind => "concatenate";

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<IReadOnlyList<long>> inputShapes)
    {
        var rank = inputShapes[0].Count;
        var axis = Axis < 0 ? rank + Axis : Axis;
        if (axis < 0 || axis >= rank) throw new ArgumentException($"{Kind}: axis {Axis} is outside inputs of rank {rank}", nameof(Axis));
        var output = inputShapes[0].ToArray();
        foreach (var shape in inputShapes.Skip(1))
        {
            if (shape.Count != rank || Enumerable.Range(0, rank).Any(d => d != axis && shape[d] != output[d]))
                throw new ArgumentException($"{Kind}: shapes {string.Join(" and ", inputShapes.Select(s => $"[{string.Join(", ", s)}]"))} differ outside axis {Axis}");
            output[axis] += shape[axis];
        }
        return output;
    }

    internal override torch.Tensor Combine(IReadOnlyList<torch.Tensor> inputs)
    {
        var axis = Axis < 0 ? Axis : Axis + 1; // skip the batch dimension
        return torch.cat([.. inputs], axis);
    }

    internal override void WriteConfig(JsonObject config) => config["axis"] = Axis;

    internal static Concatenate FromConfig(ConfigReader config) => new(config.Int("axis", -1));
}
