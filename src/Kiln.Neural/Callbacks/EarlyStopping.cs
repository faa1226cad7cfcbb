namespace Kiln.Neural.Callbacks;

/// <summary>
/// Stops training when a monitored measurement has stopped improving for <see cref="Patience"/> epochs (Keras'
/// EarlyStopping), optionally putting back the weights of the best epoch.
/// </summary>
public sealed class EarlyStopping : ICallback
{
    Plateau? _plateau;
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

    public void OnTrainBegin(TrainingControl control)
    {
        _plateau = new Plateau(Monitor, MinDelta, Maximize);
        _plateau.Reset();
        (_bestWeights, StoppedEpoch, BestEpoch) = (null, null, 0);
    }

    public void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs, TrainingControl control)
    {
        var plateau = _plateau!;
        if (plateau.Improved(logs, "early stopping"))
        {
            BestEpoch = epoch;
            if (RestoreBestWeights) _bestWeights = control.GetWeights();
            return;
        }
        if (plateau.Wait < Patience) return;
        StoppedEpoch = epoch;
        control.StopTraining = true;
    }

    public void OnTrainEnd(TrainingControl control)
    {
        if (RestoreBestWeights && StoppedEpoch is not null && _bestWeights is not null) control.SetWeights(_bestWeights);
    }
}
