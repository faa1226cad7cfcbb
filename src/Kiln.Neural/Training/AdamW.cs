using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Training;

/// <summary>
/// Adam with decoupled weight decay (Keras' AdamW; its defaults, decay 0.004): weights shrink by learning rate · decay
/// each step whatever their gradient, instead of an L2 term mixed into Adam's moments.
/// </summary>
public sealed record AdamW : Optimizer
{
    public AdamW() => (LearningRate, WeightDecay) = (0.001, 0.004);

    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    public double Epsilon { get; init; } = 1e-7;

    private protected override WeightUpdate Create(IEnumerable<Parameter> parameters) => Adam.AdamSteps(parameters, LearningRate, Beta1, Beta2, Epsilon, "AdamW");
}
