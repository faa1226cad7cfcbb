using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Training;

/// <summary>How weights move against their gradients; a record of settings that creates the TorchSharp optimizer at compile time.</summary>
public abstract record Optimizer
{
    public double LearningRate { get; init; }

    /// <summary>L2 penalty added to the gradients (decoupled for AdamW).</summary>
    public double WeightDecay { get; init; }

    internal abstract torch.optim.Optimizer Create(IEnumerable<Parameter> parameters);

    private protected void Check()
    {
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"{GetType().Name}: learning rate must be positive");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, $"{GetType().Name}: weight decay must not be negative");
    }
}
