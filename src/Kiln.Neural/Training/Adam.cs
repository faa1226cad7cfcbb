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

    internal override torch.optim.Optimizer Create(IEnumerable<Parameter> parameters)
    {
        Check();
        if (Beta1 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "Adam: beta1 must be in [0, 1)");
        if (Beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Beta2), Beta2, "Adam: beta2 must be in [0, 1)");
        return torch.optim.Adam(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
    }
}
