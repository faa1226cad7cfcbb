using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Training;

/// <summary>
/// How weights move against their gradients; a record of settings that creates the TorchSharp optimizer at compile
/// time. Weight decay and gradient clipping work the same way for every optimizer, as in Keras 3.
/// </summary>
public abstract record Optimizer
{
    public double LearningRate { get; init; }

    /// <summary>Decoupled weight decay: before each step every weight is multiplied by 1 − learning rate · decay (Keras 3, AdamW).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Each weight array's gradient is scaled down to at most this norm (Keras' clipnorm).</summary>
    public double? ClipNorm { get; init; }

    /// <summary>Each gradient value is clipped to [−value, value] (Keras' clipvalue).</summary>
    public double? ClipValue { get; init; }

    /// <summary>All gradients together are scaled down to at most this norm (Keras' global_clipnorm).</summary>
    public double? GlobalClipNorm { get; init; }

    /// <summary>
    /// How the learning rate moves over the epochs of each fit, starting at <see cref="LearningRate"/> (Keras' optimizers
    /// take a schedule as their learning rate); null keeps the rate where it is.
    /// </summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>What takes the step itself, without weight decay (applied separately).</summary>
    private protected abstract WeightUpdate Create(IEnumerable<Parameter> parameters);

    /// <summary>Checks the settings and binds them to a model's weights.</summary>
    internal BoundOptimizer Bind(IReadOnlyList<Parameter> parameters)
    {
        var name = GetType().Name;
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"{name}: learning rate must be positive");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, $"{name}: weight decay must not be negative");
        foreach (var (setting, value) in new[] { (nameof(ClipNorm), ClipNorm), (nameof(ClipValue), ClipValue), (nameof(GlobalClipNorm), GlobalClipNorm) })
            if (value is { } limit && !(limit > 0)) throw new ArgumentOutOfRangeException(setting, limit, $"{name}: {setting} must be positive");
        if ((ClipNorm is null ? 0 : 1) + (ClipValue is null ? 0 : 1) + (GlobalClipNorm is null ? 0 : 1) > 1)
            throw new ArgumentException($"{name}: set only one of ClipNorm, ClipValue and GlobalClipNorm, as Keras allows", nameof(ClipNorm));
        return new BoundOptimizer(this, Create(parameters), parameters);
    }
}
