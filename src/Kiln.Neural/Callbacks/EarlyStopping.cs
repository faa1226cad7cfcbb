namespace Kiln.Neural.Callbacks;

/// <summary>
/// Stops training when a monitored measurement has stopped improving for <see cref="Patience"/> epochs (Keras'
/// EarlyStopping), optionally putting back the weights of the best epoch.
/// </summary>
public sealed class EarlyStopping : ICallback
{
    double _best;
    int _wait;
    IReadOnlyList<float[]>? _bestWeights;

    /// <summary>The measurement watched, e.g. "val_loss" or "val_accuracy".</summary>
    public string Monitor { get; init; } = "val_loss";

    /// <summary>A change smaller than this is not an improvement.</summary>
    public double MinDelta { get; init; }

    /// <summary>How many epochs without improvement are tolerated.</summary>
    public int Patience { get; init; }

    /// <summary>Higher is better (accuracy) rather than lower (loss); by default read from the name, as Keras' "auto" mode.</summary>
    public bool? Maximize { get; init; }

    public bool RestoreBestWeights { get; init; }

    /// <summary>The epoch (from 0) after which training stopped, or null if it ran to the end.</summary>
    public int? StoppedEpoch { get; private set; }

    /// <summary>The epoch (from 0) with the best measurement.</summary>
    public int BestEpoch { get; private set; }

    bool Maximizing => Maximize ?? (Monitor.EndsWith("accuracy", StringComparison.Ordinal) || Monitor.EndsWith("auc", StringComparison.Ordinal));

    public void OnTrainBegin(TrainingControl control)
    {
        _best = Maximizing ? double.NegativeInfinity : double.PositiveInfinity;
        (_wait, _bestWeights, StoppedEpoch, BestEpoch) = (0, null, null, 0);
    }

    public void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs, TrainingControl control)
    {
        if (!logs.TryGetValue(Monitor, out var value))
            throw new ArgumentException($"early stopping monitors '{Monitor}', which training does not report; it reports {string.Join(", ", logs.Keys)}", nameof(Monitor));
        var improved = Maximizing ? value - MinDelta > _best : value + MinDelta < _best;
        if (improved)
        {
            (_best, _wait, BestEpoch) = (value, 0, epoch);
            if (RestoreBestWeights) _bestWeights = control.GetWeights();
            return;
        }
        if (++_wait < Patience) return;
        StoppedEpoch = epoch;
        control.StopTraining = true;
    }

    public void OnTrainEnd(TrainingControl control)
    {
        if (RestoreBestWeights && StoppedEpoch is not null && _bestWeights is not null) control.SetWeights(_bestWeights);
    }
}
