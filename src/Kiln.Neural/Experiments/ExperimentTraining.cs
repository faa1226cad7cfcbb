namespace Kiln.Neural.Experiments;

/// <summary>How a variant is trained beyond its architecture and compile settings.</summary>
public sealed record ExperimentTraining
{
    public int Epochs { get; init; } = 5;

    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Stop after this many epochs without a lower validation loss and put back the best epoch's weights
    /// (Keras' EarlyStopping with restore_best_weights), or train every epoch when null.
    /// </summary>
    public int? EarlyStoppingPatience { get; init; }
}
