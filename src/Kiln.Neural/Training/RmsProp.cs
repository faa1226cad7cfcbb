using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Training;

/// <summary>
/// RMSprop: divides each gradient by a running root mean square of recent gradients (Keras' RMSprop; its defaults).
/// Centered subtracts the running mean of the gradient first; momentum accumulates the scaled steps. ε is added after
/// the square root, as PyTorch does.
/// </summary>
public sealed record RmsProp : Optimizer
{
    public RmsProp() => LearningRate = 0.001;

    /// <summary>Weight of the past in the running mean of squared gradients.</summary>
    public double Rho { get; init; } = 0.9;

    public double Momentum { get; init; }

    public bool Centered { get; init; }

    public double Epsilon { get; init; } = 1e-7;

    private protected override WeightUpdate Create(IEnumerable<Parameter> parameters)
    {
        if (Rho is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Rho), Rho, "RmsProp: rho must be in [0, 1)");
        if (Momentum is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "RmsProp: momentum must be in [0, 1)");
        if (!(Epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "RmsProp: epsilon must be positive");
        return new LibTorchUpdate(torch.optim.RMSProp(parameters, LearningRate, Rho, Epsilon, 0, Momentum, Centered));
    }
}
