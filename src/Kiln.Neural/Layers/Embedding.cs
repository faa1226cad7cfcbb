using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>
/// Turns integer token ids 0 … inputDim − 1 into learned vectors of <see cref="OutputDim"/> values (Keras' Embedding,
/// its initial values uniform in ±0.05): an input of shape [length] gives [length, outputDim]. Ids arrive as floats,
/// like every input, and must be whole numbers in range.
/// </summary>
public sealed class Embedding : Layer
{
    public Embedding(int inputDim, int outputDim)
    {
        if (inputDim < 1) throw new ArgumentOutOfRangeException(nameof(inputDim), inputDim, "embedding: input dim (the vocabulary size) must be at least 1");
        if (outputDim < 1) throw new ArgumentOutOfRangeException(nameof(outputDim), outputDim, "embedding: output dim must be at least 1");
        (InputDim, OutputDim) = (inputDim, outputDim);
    }

    /// <summary>How many token ids there are: the vocabulary size.</summary>
    public int InputDim { get; }

    /// <summary>The length of each token's vector.</summary>
    public int OutputDim { get; }

    public override string Kind => "embedding";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => new EmbeddingModule(InputDim, OutputDim);

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => [.. inputShape, OutputDim];

    internal override void WriteConfig(JsonObject config)
    {
        config["input_dim"] = InputDim;
        config["output_dim"] = OutputDim;
    }

    internal static Embedding FromConfig(ConfigReader config) => new(config.Int("input_dim"), config.Int("output_dim"));
}
