namespace Kiln.Neural.Callbacks;

/// <summary>
/// Multiplies the learning rate by <see cref="Factor"/> when a monitored measurement has not improved for
/// <see cref="Patience"/> epochs, then waits <see cref="Cooldown"/> epochs before watching again (Keras' ReduceLROnPlateau, its defaults).
/// </summary>
public sealed class ReduceLearningRateOnPlateau : ICallback
{
    Plateau? _plateau;
    int _cooldownLeft;

    public string Monitor { get; init; } = "val_loss";

    public double Factor { get; init; } = 0.1;

    public int Patience { get; init; } = 10;

    public double MinDelta { get; init; } = 1e-4;

    public int Cooldown { get; init; }

    /// <summary>The learning rate is never reduced below this.</summary>
    public double MinLearningRate { get; init; }

    public bool? Maximize { get; init; }

    public void OnTrainBegin(TrainingControl control)
    {
        if (Factor is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Factor), Factor, "reduce-lr-on-plateau: factor must be in (0, 1)");
        _plateau = new Plateau(Monitor, MinDelta, Maximize);
        _plateau.Reset();
        _cooldownLeft = 0;
    }

    public void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs, TrainingControl control)
    {
        var plateau = _plateau!;
        var improved = plateau.Improved(logs, "reduce-lr-on-plateau");
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            plateau.Wait = 0;
        }
        if (improved || plateau.Wait < Patience) return;
        if (control.LearningRate > MinLearningRate)
        {
            control.LearningRate = Math.Max(control.LearningRate * Factor, MinLearningRate);
            _cooldownLeft = Cooldown;
        }
        plateau.Wait = 0;
    }
}
