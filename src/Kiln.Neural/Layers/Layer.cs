using System.Text.Json.Nodes;
using TorchSharp;

namespace Kiln.Neural.Layers;

/// <summary>
/// A Keras-style layer: its configuration is fixed at construction, and <see cref="Build"/> turns it into a TorchSharp
/// module once the shape of its input (without the batch dimension) is known, as Keras builds layers on first call.
/// </summary>
public abstract class Layer
{
    /// <summary>The layer's name in summaries, e.g. "dense" or "dropout".</summary>
    public abstract string Kind { get; }

    /// <summary>The module that computes this layer for inputs of <paramref name="inputShape"/>, with fresh weights.</summary>
    public abstract torch.nn.Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape);

    /// <summary>The shape of one output, without the batch dimension.</summary>
    public abstract IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape);

    /// <summary>Writes the layer's settings into its config object after its "type" (Keras' get_config); see <see cref="Config.LayerTypes"/>.</summary>
    internal virtual void WriteConfig(JsonObject config) =>
        throw new NotSupportedException($"{Kind} ({GetType().Name}) has no config, so a model holding it cannot be written as JSON");

    /// <summary>Applies the layer to a node of a functional model (Keras' layer(x)); applying one layer to several nodes shares its weights.</summary>
    public Node Apply(Node input) => new(this, input);
}
