using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Training;

/// <summary>Stochastic gradient descent, with optional momentum and Nesterov momentum (Keras' SGD; its defaults).</summary>
public sealed record Sgd : Optimizer
{
    public Sgd() => LearningRate = 0.01;

    public double Momentum { get; init; }

    public bool Nesterov { get; init; }

    private protected override WeightUpdate Create(IEnumerable<Parameter> parameters)
    {
        if (Momentum is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Sgd: momentum must be in [0, 1)");
        if (Nesterov && Momentum == 0) throw new ArgumentException("Sgd: Nesterov momentum needs a momentum above 0", nameof(Nesterov));
        return new LibTorchUpdate(torch.optim.SGD(parameters, LearningRate, Momentum, 0, 0, Nesterov));
    }
}
