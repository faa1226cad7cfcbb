using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Kiln.Neural.Layers;

/// <summary>During training, zeroes each input with probability <see cref="Rate"/> and scales the rest by 1/(1 − rate); at inference it passes input through (Keras' Dropout).</summary>
public sealed class Dropout : Layer
{
    public Dropout(double rate)
    {
        if (rate is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(rate), rate, "dropout: rate must be in [0, 1)");
        Rate = rate;
    }

    public double Rate { get; }

    public override string Kind => "dropout";

    public override Module<torch.Tensor, torch.Tensor> Build(IReadOnlyList<long> inputShape) => new DropoutModule(Rate);

    public override IReadOnlyList<long> OutputShape(IReadOnlyList<long> inputShape) => inputShape;

    internal override void WriteConfig(JsonObject config)
    {
        config["rate"] = Rate;
    }

    internal static Dropout FromConfig(ConfigReader config) => new(config.Double("rate"));
}
