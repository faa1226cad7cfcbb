using System.Text.Json.Nodes;
using TorchSharp;

namespace Kiln.Neural.Layers;

/// <summary>A weightless layer that combines several nodes of a functional model into one (Keras' merging layers).</summary>
public abstract class Merge
{
    public abstract string Kind { get; }

    /// <summary>Combines <paramref name="inputs"/> (at least two) into one node.</summary>
    public Node Apply(params Node[] inputs) => inputs.Length >= 2
        ? new Node(this, inputs)
        : throw new ArgumentException($"{Kind}: give at least two nodes to merge, not {inputs.Length}", nameof(inputs));

    /// <summary>One output row's shape from the inputs' shapes, or an error naming the mismatch.</summary>
    public abstract IReadOnlyList<long> OutputShape(IReadOnlyList<IReadOnlyList<long>> inputShapes);

    /// <summary>Writes the merge's settings into its config object after its "type"; see <see cref="Config.LayerTypes"/>.</summary>
    internal virtual void WriteConfig(JsonObject config)
    {
    }

    /// <summary>The merged batch.</summary>
    internal abstract torch.Tensor Combine(IReadOnlyList<torch.Tensor> inputs);
}
