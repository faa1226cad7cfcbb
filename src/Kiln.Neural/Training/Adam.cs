using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Training;

/// <summary>Adam: per-weight step sizes from running moments of the gradient (Keras' Adam; its defaults, ε = 1e-7).</summary>
public sealed record Adam : Optimizer
{
    public Adam() => LearningRate = 0.001;

    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    public double Epsilon { get; init; } = 1e-7;

    private protected override WeightUpdate Create(IEnumerable<Parameter> parameters) => AdamSteps(parameters, LearningRate, Beta1, Beta2, Epsilon, "Adam");

    /// <summary>The Adam update without weight decay, which <see cref="BoundOptimizer"/> applies decoupled for Adam and AdamW alike.</summary>
    internal static WeightUpdate AdamSteps(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon, string name)
    {
        if (beta1 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Beta1), beta1, $"{name}: beta1 must be in [0, 1)");
        if (beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Beta2), beta2, $"{name}: beta2 must be in [0, 1)");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(Epsilon), epsilon, $"{name}: epsilon must be positive");
        return new AdamUpdate(parameters, learningRate, beta1, beta2, epsilon);
    }
}
