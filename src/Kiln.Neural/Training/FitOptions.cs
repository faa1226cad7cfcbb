using Kiln.Neural.Callbacks;

namespace Kiln.Neural.Training;

/// <summary>
/// How a model's Fit trains (Keras' fit arguments). Batch size, shuffle, validation split and sample weights describe
/// how arrays are cut into batches; a batch source given to Fit decides those itself.
/// </summary>
public sealed record FitOptions
{
    public int Epochs { get; init; } = 1;

    /// <summary>Rows per batch when fitting arrays.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The fraction of rows, taken from the end before shuffling as Keras does, held out to validate each epoch.</summary>
    public double ValidationSplit { get; init; }

    /// <summary>Shuffle the training rows before each epoch, when fitting arrays.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of dropout, and of the row order when fitting arrays.</summary>
    public long Seed { get; init; }

    public IReadOnlyList<ICallback> Callbacks { get; init; } = [];

    /// <summary>
    /// Multiplier of each class's rows in the training loss, by class index (Keras' class_weight); classes not listed
    /// weigh 1. The class is the target index, the one-hot argmax, or a binary target 0 or 1.
    /// </summary>
    public IReadOnlyDictionary<int, double>? ClassWeights { get; init; }

    /// <summary>One multiplier of the loss per row of the data given to fit (Keras' sample_weight), applied on validation rows too.</summary>
    public IReadOnlyList<float>? SampleWeights { get; init; }

    internal void Check()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "fit: epochs must be at least 1");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "fit: batch size must be at least 1");
        foreach (var (label, weight) in ClassWeights ?? new Dictionary<int, double>())
            if (!(weight >= 0) || !double.IsFinite(weight))
                throw new ArgumentOutOfRangeException(nameof(ClassWeights), weight, $"fit: the weight of class {label} must be a number of at least 0");
        if (SampleWeights?.Any(w => !(w >= 0) || !float.IsFinite(w)) == true)
            throw new ArgumentOutOfRangeException(nameof(SampleWeights), "fit: sample weights must be numbers of at least 0");
        if (ValidationSplit is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(ValidationSplit), ValidationSplit, "fit: validation split must be in [0, 1)");
    }
}
