using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>Gives each input a new shape with the same number of values (Keras' Reshape), e.g. [28, 28] images to [1, 28, 28] for a convolution.</summary>
public sealed class Reshape(params long[] targetShape) : Layer
{
    public IReadOnlyList<long> TargetShape { get; } = targetShape.Length > 0 && targetShape.All(d => d >= 1)
        ? targetShape
        : throw new ArgumentException($"reshape: give the new shape as dimensions of at least 1, not [{string.Join(", ", targetShape)}]", nameof(targetShape));

    public override string Kind => "reshape";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape)
    {
        OutputShape(inputShape);
        return Sequential(("flatten", torch.nn.Flatten()), ("unflatten", Unflatten(1, [.. TargetShape])));
    }

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape)
    {
        var (from, to) = (inputShape.Aggregate(1L, (a, b) => a * b), TargetShape.Aggregate(1L, (a, b) => a * b));
        return from == to ? TargetShape
            : throw new ArgumentException($"reshape: an input of shape [{string.Join(", ", inputShape)}] holds {from} values, the shape [{string.Join(", ", TargetShape)}] {to}");
    }

    internal override void WriteConfig(JsonObject config)
    {
        config["target_shape"] = new JsonArray([.. TargetShape.Select(d => (JsonNode)d)]);
    }

    internal static Reshape FromConfig(ConfigReader config) => new(config.Shape("target_shape"));
}
